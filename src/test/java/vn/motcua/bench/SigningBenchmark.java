package vn.motcua.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.signing.SignatureValidation;
import vn.motcua.signing.Signatures;
import vn.motcua.signing.Signer;

/**
 * PDFs signed per second on one thread (issue 12): the application's
 * {@link Signatures#sign} with a demo officer's key (RSA 2048, PAdES B-B with the visible
 * block), on a one-page A4 PDF with Vietnamese text; then the same for
 * {@link SignatureValidation#validate}. 20 s of warm-up, then 3 runs of 20 s, each a
 * count of signatures in the time (the median kept).
 */
final class SigningBenchmark {

	private SigningBenchmark() {
	}

	static void run(String db) throws Exception {
		try (ConfigurableApplicationContext context = BenchApplication.start(db, true,
				Map.of("motcua.signing.keys-dir", "target/bench-keys", "motcua.demo.history", "false"))) {
			Signatures signatures = context.getBean(Signatures.class);
			SignatureValidation validation = context.getBean(SignatureValidation.class);
			byte[] pdf = pdf();
			Signer leader = Signer.officer("quangcu.lanhdao");
			byte[][] last = new byte[1][];
			double signing = rate("sign (B-B, RSA 2048, visible block)", () -> {
				last[0] = signatures.sign(pdf, leader, "Phê duyệt kết quả");
			});
			byte[] signed = last[0];
			double validating = rate("validate (DSS, one signature)", () -> {
				validation.validate(new java.io.ByteArrayInputStream(signed));
			});
			System.out.printf(
					"%nPDF of %,d bytes, signed %,d bytes%nsigned per second: %.1f%nvalidated per second: %.1f%n",
					pdf.length, signed.length, signing, validating);
		}
	}

	interface Work {

		void run() throws Exception;

	}

	private static double rate(String what, Work work) throws Exception {
		long warmUntil = System.nanoTime() + 20_000_000_000L;
		while (System.nanoTime() < warmUntil) {
			work.run();
		}
		double[] rates = new double[3];
		for (int r = 0; r < rates.length; r++) {
			long start = System.nanoTime();
			long end = start + 20_000_000_000L;
			int n = 0;
			while (System.nanoTime() < end) {
				work.run();
				n++;
			}
			rates[r] = n / ((System.nanoTime() - start) / 1e9);
			System.out.printf("%s: run %d: %.1f/s%n", what, r + 1, rates[r]);
		}
		return Benchmarks.median(rates);
	}

	static byte[] pdf() throws IOException {
		try (PDDocument document = new PDDocument();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				InputStream font = SigningBenchmark.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDType0Font type0 = PDType0Font.load(document, font);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(type0, 14);
				content.newLineAtOffset(72, 760);
				content.showText("Quyết định cấp giấy khai sinh cho công dân Nguyễn Thị Hoa");
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
	}

}
