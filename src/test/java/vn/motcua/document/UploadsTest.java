package vn.motcua.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.motcua.dossier.Scan;
import vn.motcua.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link Uploads} takes and refuses, judged by the bytes; no Spring. */
class UploadsTest {

	@TempDir
	Path dir;

	private Uploads uploads() {
		return new Uploads(DataSize.ofKilobytes(8), this.dir.toString());
	}

	private static byte[] pdf() throws IOException {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.addPage(new PDPage());
			doc.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] png() {
		byte[] b = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 100);
		return b;
	}

	private Scan receive(String name, String type, byte[] bytes) {
		return uploads().receive("file-0", "Tờ khai", name, type, new ByteArrayInputStream(bytes));
	}

	private String refusal(String name, String type, byte[] bytes) {
		try {
			receive(name, type, bytes);
		}
		catch (Problem ex) {
			assertThat(ex.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("file-0"));
			return ex.code();
		}
		throw new AssertionError("taken: " + name);
	}

	private long leftovers() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.count();
		}
	}

	@Test
	void aRealPdfIsTakenWithItsHashAndWaitsInItsTemporaryFile() throws Exception {
		byte[] pdf = pdf();
		Scan scan = receive("to-khai.pdf", "application/pdf", pdf);
		assertThat(scan.contentType()).isEqualTo("application/pdf");
		assertThat(scan.size()).isEqualTo(pdf.length);
		assertThat(scan.sha256()).isEqualTo(
				java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));
		assertThat(scan.file()).hasBinaryContent(pdf);
		uploads().release(java.util.List.of(scan));
		assertThat(leftovers()).isZero();
	}

	@Test
	void aFileIsTakenByItsBytesWhenNothingIsDeclared() throws Exception {
		assertThat(receive(null, null, png()).contentType()).isEqualTo("image/png");
		assertThat(receive("scan", "application/octet-stream", pdf()).contentType()).isEqualTo("application/pdf");
		assertThat(receive("anh.JPG", "image/jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1 })
			.contentType()).isEqualTo("image/jpeg");
	}

	@Test
	void programsScriptsAndArchivesAreRefusedWhateverTheyAreCalled() throws Exception {
		assertThat(refusal("a.pdf", "application/pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo("FILE_REFUSED");
		assertThat(refusal("a.png", "image/png", "\u007fELF\u0002".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo("FILE_REFUSED");
		assertThat(refusal("a.pdf", null, new byte[] { (byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7 }))
			.isEqualTo("FILE_REFUSED");
		assertThat(refusal("a.jpg", null, "#!/bin/sh\n".getBytes())).isEqualTo("FILE_REFUSED");
		assertThat(refusal("a.docx", null, "PK\u0003\u0004xx".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo("FILE_REFUSED");
		assertThat(refusal("a.pdf", null, "Rar!\u001a\u0007\u0000".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo("FILE_REFUSED");
		assertThat(refusal("a.pdf", null, new byte[] { '7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0 }))
			.isEqualTo("FILE_REFUSED");
		byte[] tar = new byte[600];
		System.arraycopy("ustar".getBytes(), 0, tar, 257, 5);
		assertThat(refusal("a.pdf", null, tar)).isEqualTo("FILE_REFUSED");
		assertThat(leftovers()).isZero();
	}

	@Test
	void bytesThatAreNotWhatTheNameOrTypeSaysAreRefused() throws Exception {
		assertThat(refusal("a.png", "image/png", pdf())).isEqualTo("FILE_TYPE_MISMATCH");
		assertThat(refusal("a.pdf", "image/png", pdf())).isEqualTo("FILE_TYPE_MISMATCH");
		assertThat(refusal("a.exe", null, pdf())).isEqualTo("FILE_TYPE_MISMATCH");
		assertThat(refusal("a.txt", "text/plain", "hello".getBytes())).isEqualTo("FILE_TYPE_MISMATCH");
		assertThat(refusal(null, null, "hello".getBytes())).isEqualTo("FILE_INVALID");
		assertThat(leftovers()).isZero();
	}

	@Test
	void aPdfWithoutItsTrailerOrThatPdfboxCannotReadIsRefused() throws Exception {
		byte[] pdf = pdf();
		assertThat(refusal("a.pdf", "application/pdf", Arrays.copyOf(pdf, pdf.length - 40))).isEqualTo("FILE_NOT_PDF");
		assertThat(refusal("a.pdf", "application/pdf",
				"%PDF-1.7\nnothing\nstartxref\n9\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo("FILE_NOT_PDF");
		assertThat(leftovers()).isZero();
	}

	@Test
	void anEmptyFileAndOneOverTheLimitAreRefused() throws Exception {
		assertThat(refusal("a.pdf", "application/pdf", new byte[0])).isEqualTo("FILE_EMPTY");
		byte[] big = Arrays.copyOf(png(), 8 * 1024 + 1);
		assertThat(refusal("a.png", "image/png", big)).isEqualTo("FILE_TOO_LARGE");
		assertThat(receive("a.png", "image/png", Arrays.copyOf(png(), 8 * 1024)).size()).isEqualTo(8 * 1024);
		assertThatThrownBy(() -> receive("a.png", "image/png", big)).isInstanceOf(Problem.class);
	}

}
