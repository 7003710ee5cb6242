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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.shared.Problem;
import vn.motcua.signing.SignatureReport;
import vn.motcua.signing.SignatureValidation;
import vn.motcua.signing.Signatures;
import vn.motcua.signing.Signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

	@Autowired
	MockMvc mvc;

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
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/signed-sample.pdf"), signed);

		SignatureReport report = this.validation.validate(new ByteArrayInputStream(signed));
		assertThat(report.signatureCount()).isEqualTo(1);
		SignatureReport.SignatureCheck check = report.signatures().get(0);
		System.out.println(check);
		assertThat(check.signedBy()).isEqualTo("Trần Văn Minh (DEMO)");
		assertThat(check.documentChanged()).isFalse();
		assertThat(check.level()).isEqualTo("PAdES-BASELINE-B");
		assertThat(check.reason()).isEqualTo("Phê duyệt kết quả");
		assertThat(check.chain()).extracting(SignatureReport.ChainCertificate::commonName)
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
		SignatureReport.SignatureCheck check = report.signatures().get(0);
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
		SignatureReport.SignatureCheck check = this.validation.validate(new ByteArrayInputStream(signed))
			.signatures()
			.get(0);
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

	@Test
	void theApiReportsAGoodATamperedAndAnUnsignedPdf() throws Exception {
		byte[] signed = signedByTheLeader(this.signatures);
		this.mvc
			.perform(multipart("/api/v1/signatures/validation")
				.file(new MockMultipartFile("file", "ket-qua.pdf", "application/pdf", signed)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signatureCount").value(1))
			.andExpect(jsonPath("$.validSignatures").value(1))
			.andExpect(jsonPath("$.signatures[0].verdict").value("VALID"))
			.andExpect(jsonPath("$.signatures[0].signedBy").value("Trần Văn Minh (DEMO)"))
			.andExpect(jsonPath("$.signatures[0].documentChanged").value(false))
			.andExpect(jsonPath("$.signatures[0].chain[1].trusted").value(true));
		this.mvc
			.perform(post("/api/v1/signatures/validation").contentType(MediaType.APPLICATION_PDF)
				.content(tampered(signed)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signatures[0].verdict").value("INVALID"))
			.andExpect(jsonPath("$.signatures[0].subIndication").value("HASH_FAILURE"))
			.andExpect(jsonPath("$.signatures[0].documentChanged").value(true));
		this.mvc
			.perform(post("/api/v1/signatures/validation").contentType(MediaType.APPLICATION_PDF)
				.content(pdf("Chưa ký")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signatureCount").value(0));
	}

	@Test
	void theApiRefusesWhatIsNoPdfOrABrokenSignature() throws Exception {
		byte[] signed = signedByTheLeader(this.signatures);
		this.mvc
			.perform(post("/api/v1/signatures/validation").contentType(MediaType.APPLICATION_PDF)
				.content("MZ\u0090 not a PDF".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PDF_INVALID"));
		this.mvc
			.perform(multipart("/api/v1/signatures/validation").file(new MockMultipartFile("file", "cut.pdf",
					"application/pdf", java.util.Arrays.copyOf(signed, signed.length - 2000))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PDF_INVALID"));
		this.mvc
			.perform(post("/api/v1/signatures/validation").contentType(MediaType.APPLICATION_PDF)
				.content(garbageContents(signed)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SIGNATURE_INVALID"));
		this.mvc
			.perform(post("/api/v1/signatures/validation").contentType(MediaType.APPLICATION_PDF).content(new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PDF_INVALID"));
	}

	@Test
	void thePageShowsTheReportInVietnamese() throws Exception {
		byte[] signed = signedByTheLeader(this.signatures);
		this.mvc.perform(get("/kiem-tra-chu-ky"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Kiểm tra chữ ký số")));
		this.mvc.perform(get("/tra-cuu")).andExpect(content().string(containsString("href=\"/kiem-tra-chu-ky\"")));
		this.mvc
			.perform(multipart("/kiem-tra-chu-ky")
				.file(new MockMultipartFile("file", "ket-qua.pdf", "application/pdf", signed))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hợp lệ")))
			.andExpect(content().string(containsString("Trần Văn Minh (DEMO)")))
			.andExpect(content().string(containsString("MotCua DEMO CA — không có giá trị pháp lý")))
			.andExpect(content().string(not(containsString("Không hợp lệ"))));
		this.mvc
			.perform(multipart("/kiem-tra-chu-ky")
				.file(new MockMultipartFile("file", "ket-qua.pdf", "application/pdf", tampered(signed)))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Không hợp lệ")))
			.andExpect(content().string(containsString("Tài liệu đã bị sửa sau khi ký")));
		this.mvc
			.perform(multipart("/kiem-tra-chu-ky")
				.file(new MockMultipartFile("file", "chua-ky.pdf", "application/pdf", pdf("Chưa ký")))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tệp này không có chữ ký số nào.")));
		this.mvc
			.perform(multipart("/kiem-tra-chu-ky")
				.file(new MockMultipartFile("file", "anh.pdf", "application/pdf", "GIF89a".getBytes()))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"file-error\"")))
			.andExpect(content().string(containsString("Tệp không phải là một tệp PDF đầy đủ")));
		this.mvc
			.perform(multipart("/kiem-tra-chu-ky")
				.file(new MockMultipartFile("file", "hong.pdf", "application/pdf", garbageContents(signed)))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Chữ ký trong tệp PDF bị hỏng")));
	}

}
