package vn.motcua.forms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The text of a PDF as poppler's {@code pdftotext} reads it (Debian's poppler-utils; CI
 * installs it). Tests call {@link #assumeInstalled} first: where it is missing they are
 * skipped with a message saying so, as the browser tests are without Chromium.
 */
public final class PdfText {

	public static final Path PDFTOTEXT = Path.of("/usr/bin/pdftotext");

	public static void assumeInstalled() {
		assumeTrue(Files.isExecutable(PDFTOTEXT),
				"PDF text test skipped: Debian's poppler-utils (" + PDFTOTEXT + ") is not installed");
	}

	/** The text pdftotext reads from the PDF, pages separated by form feeds. */
	public static String of(byte[] pdf) throws IOException, InterruptedException {
		Path file = Files.createTempFile("motcua-form", ".pdf");
		try {
			Files.write(file, pdf);
			Process p = new ProcessBuilder(PDFTOTEXT.toString(), "-enc", "UTF-8", file.toString(), "-")
				.redirectErrorStream(true)
				.start();
			byte[] out = p.getInputStream().readAllBytes();
			assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
			return new String(out, StandardCharsets.UTF_8);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * The text with every run of white space made one space (a table cell's lines
	 * joined).
	 */
	public static String flat(String text) {
		return text.replaceAll("\\s+", " ");
	}

	private PdfText() {
	}

}
