package vn.motcua.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.shared.Problem;
import vn.motcua.signing.SignatureReport;
import vn.motcua.signing.SignatureValidation;
import vn.motcua.signing.Signatures;
import vn.motcua.signing.Signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12's "done when" for signatures: a PDF signed by the application with a demo
 * officer's key validates with poppler's {@code pdfsig} and with DSS; the same file with
 * one byte changed inside the signed range fails both; broken input is refused.
 */
@IntegrationTest
@TestPropertySource(properties = "motcua.test.database=signing")
class SigningIT {

	static final Path PDFSIG = Path.of("/usr/bin/pdfsig");

	@Autowired
	Signatures signatures;

	@Autowired
	SignatureValidation validation;

	/** A one-page A4 PDF with a line of Vietnamese text, made here with PDFBox. */
	static byte[] pdf(String text) throws IOException {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			PDType0Font font = PDType0Font.load(document, SigningIT.class.getResourceAsStream("/fonts/DejaVuSans.ttf"));
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(font, 14);
				content.newLineAtOffset(72, 760);
				content.showText(text);
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
	}

	static byte[] signedByTheLeader(Signatures signatures) throws IOException {
		return signatures.sign(pdf("Quyết định cấp giấy khai sinh"), Signer.officer("quangcu.lanhdao"),
				"Phê duyệt kết quả");
	}

	/**
	 * One byte changed inside the signed range: in the page's text, before the signature.
	 */
	static byte[] tampered(byte[] signed) {
		byte[] copy = signed.clone();
		String text = new String(copy, StandardCharsets.ISO_8859_1);
		int at = text.indexOf("/MediaBox");
		assertThat(at).isPositive();
		// "/MediaBox [0.0 0.0 595.27563 841.8898]": one digit of the width
		int digit = text.indexOf("595", at);
		copy[digit] = (byte) '4';
		return copy;
	}

	static String pdfsig(byte[] pdf) throws Exception {
		Path file = Files.createTempFile("signed-", ".pdf");
		try {
			Files.write(file, pdf);
			Process process = new ProcessBuilder(PDFSIG.toString(), file.toString()).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			return out;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void aSignedPdfValidatesWithDssAndPdfsig() throws Exception {
		byte[] signed = signedByTheLeader(this.signatures);

		SignatureReport report = this.validation.validate(new ByteArrayInputStream(signed));
		assertThat(report.signatureCount()).isEqualTo(1);
		SignatureReport.Check check = report.signatures().get(0);
		System.out.println(check);
		assertThat(check.signedBy()).isEqualTo("Trần Văn Minh (DEMO)");
		assertThat(check.documentChanged()).isFalse();
		assertThat(check.level()).isEqualTo("PAdES-BASELINE-B");
		assertThat(check.reason()).isEqualTo("Phê duyệt kết quả");
		assertThat(check.chain()).extracting(SignatureReport.Certificate::commonName)
			.containsExactly("Trần Văn Minh (DEMO)", "MotCua DEMO CA — không có giá trị pháp lý");
		assertThat(check.chain().get(1).trusted()).isTrue();
		assertThat(check.verdict()).isEqualTo(SignatureReport.Verdict.VALID);

		Assumptions.assumeTrue(Files.isExecutable(PDFSIG),
				"pdfsig check skipped: Debian's poppler-utils is not installed (/usr/bin/pdfsig); CI installs it");
		String out = pdfsig(signed);
		System.out.println(out);
		assertThat(out).contains("Signature Validation: Signature is Valid.")
			.contains("Signer Certificate Common Name: Trần Văn Minh (DEMO)");
	}

	@Test
	void oneByteChangedFailsDssAndPdfsig() throws Exception {
		byte[] changed = tampered(signedByTheLeader(this.signatures));

		SignatureReport report = this.validation.validate(new ByteArrayInputStream(changed));
		SignatureReport.Check check = report.signatures().get(0);
		assertThat(check.documentChanged()).isTrue();
		assertThat(check.verdict()).isEqualTo(SignatureReport.Verdict.INVALID);
		assertThat(check.indication()).isEqualTo("TOTAL_FAILED");
		assertThat(check.subIndication()).isEqualTo("HASH_FAILURE");

		Assumptions.assumeTrue(Files.isExecutable(PDFSIG),
				"pdfsig check skipped: Debian's poppler-utils is not installed (/usr/bin/pdfsig); CI installs it");
		String out = pdfsig(changed);
		assertThat(out).doesNotContain("Signature is Valid").contains("Digest Mismatch");
	}

	@Test
	void aUnitSealSigns() throws Exception {
		byte[] signed = this.signatures.sign(pdf("Giấy tiếp nhận hồ sơ"), Signer.unitSeal("H56.15.40"), "Mẫu số 01");
		SignatureReport.Check check = this.validation.validate(new ByteArrayInputStream(signed)).signatures().get(0);
		assertThat(check.signedBy()).isEqualTo("Phường Quảng Cư (DEMO)");
		assertThat(check.verdict()).isEqualTo(SignatureReport.Verdict.VALID);
	}

	@Test
	void anUnsignedPdfHasNoSignature() throws Exception {
		assertThat(this.validation.validate(new ByteArrayInputStream(pdf("Chưa ký"))).signatureCount()).isZero();
	}

	@Test
	void brokenInputIsRefused() throws Exception {
		byte[] signed = signedByTheLeader(this.signatures);
		List<byte[]> broken = new ArrayList<>();
		broken.add(new byte[0]);
		broken.add("MZ this is no PDF".getBytes(StandardCharsets.US_ASCII));
		broken.add(java.util.Arrays.copyOf(signed, signed.length / 2));
		broken.add(garbageContents(signed));
		for (byte[] bytes : broken) {
			assertThatThrownBy(() -> this.validation.validate(new ByteArrayInputStream(bytes)))
				.isInstanceOf(Problem.class)
				.satisfies(ex -> assertThat(((Problem) ex).code()).isIn("PDF_INVALID", "SIGNATURE_INVALID"));
		}
		assertThatThrownBy(() -> this.validation.validate(new ByteArrayInputStream(garbageContents(signed))))
			.isInstanceOf(Problem.class)
			.satisfies(ex -> assertThat(((Problem) ex).code()).isEqualTo("SIGNATURE_INVALID"));
	}

	/** The signature's /Contents hex string overwritten with other hex digits. */
	static byte[] garbageContents(byte[] signed) {
		byte[] copy = signed.clone();
		String text = new String(copy, StandardCharsets.ISO_8859_1);
		int at = text.indexOf("/Contents <");
		assertThat(at).isPositive();
		for (int i = at + "/Contents <".length(); i < at + "/Contents <".length() + 4000; i++) {
			copy[i] = (byte) "0123456789ABCDEF".charAt(i % 16);
		}
		return copy;
	}

}
