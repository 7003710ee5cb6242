package vn.motcua.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import vn.motcua.dossier.Scan;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Receives an uploaded file without holding it in memory: copies it to a temporary file
 * while hashing it (SHA-256) and counting its bytes, stops as soon as it passes the
 * per-file limit ({@code motcua.files.max-size}, default 20 MB), and judges it by its
 * bytes ({@link Sniffer}): only a PDF that PDFBox can read, a JPEG or a PNG, each what
 * its name and declared type say, is taken. A refused file leaves nothing behind; a taken
 * one waits in its temporary file ({@code motcua.files.temp-dir}) until the caller has
 * kept it and {@link #release released} it (ADR 32).
 */
@Service
public class Uploads {

	private final long maxBytes;

	private final Path tempDir;

	Uploads(@Value("${motcua.files.max-size:20MB}") DataSize maxSize,
			@Value("${motcua.files.temp-dir:}") String tempDir) {
		this.maxBytes = maxSize.toBytes();
		this.tempDir = tempDir == null || tempDir.isBlank()
				? Path.of(System.getProperty("java.io.tmpdir"), "motcua-uploads") : Path.of(tempDir);
	}

	/** The per-file limit, in bytes. */
	public long maxBytes() {
		return this.maxBytes;
	}

	/** Where files wait between their upload and their keeping. */
	public Path tempDir() {
		return this.tempDir;
	}

	/**
	 * Receives one file into a temporary file and checks it.
	 * @param field the form field (or API part) it came in, named by any refusal
	 * @param component the procedure's component it is a scan of
	 * @param filename the name it was sent with (its extension must match its bytes)
	 * @param declaredType the content type it was sent with (null or
	 * application/octet-stream: none declared)
	 * @param content read once, to its end or to the limit; the caller closes it
	 * @return the scan, its content in a temporary file that the caller {@link #release
	 * releases}
	 * @throws Problem invalid, naming the field, for an empty, too large, refused or
	 * mismatched file; nothing of it is kept then
	 */
	public Scan receive(String field, String component, String filename, String declaredType, InputStream content) {
		Path temp = null;
		boolean taken = false;
		try {
			Files.createDirectories(this.tempDir);
			temp = Files.createTempFile(this.tempDir, "upload-", ".part");
			MessageDigest sha = sha256();
			long size;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
				size = copy(content, out, this.maxBytes, field);
			}
			if (size == 0) {
				throw Problem.invalid(ProblemCode.FILE_EMPTY, field, "the file is empty");
			}
			String type = Sniffer.judge(field, filename, declaredType, temp, size);
			if (Sniffer.PDF.equals(type)) {
				readable(field, temp);
			}
			taken = true;
			return new Scan(field, component, filename, type, temp, size, HexFormat.of().formatHex(sha.digest()), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot receive an upload into " + this.tempDir, ex);
		}
		finally {
			if (!taken) {
				deleteQuietly(temp);
			}
		}
	}

	/** Deletes the temporary files of the scans (reuses have none). */
	public void release(Collection<Scan> scans) {
		if (scans != null) {
			scans.forEach(scan -> deleteQuietly(scan.file()));
		}
	}

	/** Copies at most {@code max} bytes; one more is a refusal, the rest unread. */
	private static long copy(InputStream in, OutputStream out, long max, String field) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) != -1) {
			total += n;
			if (total > max) {
				throw Problem.invalid(ProblemCode.FILE_TOO_LARGE, field,
						"the file is larger than " + DataSize.ofBytes(max).toMegabytes() + " MB");
			}
			out.write(buffer, 0, n);
		}
		return total;
	}

	/**
	 * Whether PDFBox reads the file as a PDF (its cross-references and pages), with its
	 * objects cached in temporary files, not in memory.
	 */
	private static void readable(String field, Path file) {
		try (PDDocument pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
			pdf.getNumberOfPages();
		}
		catch (IOException | RuntimeException ex) {
			throw Problem.invalid(ProblemCode.FILE_NOT_PDF, field, "the file cannot be read as a PDF");
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// a stray .part file holds no record's content
			}
		}
	}

	/**
	 * Judges a file by its bytes: its first bytes tell what it is; a PDF must end with
	 * its trailer ({@code startxref} and {@code %%EOF} in its last kilobyte).
	 */
	static final class Sniffer {

		static final String PDF = "application/pdf";

		static final String JPEG = "image/jpeg";

		static final String PNG = "image/png";

		private static final int HEAD = 512;

		private static final int TAIL = 1024;

		private Sniffer() {
		}

		/**
		 * The type of a file that may be kept.
		 * @throws Problem naming the field otherwise
		 */
		static String judge(String field, String filename, String declaredType, Path file, long size)
				throws IOException {
			byte[] head;
			byte[] tail;
			try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
				head = new byte[(int) Math.min(HEAD, size)];
				f.readFully(head);
				tail = new byte[(int) Math.min(TAIL, size)];
				f.seek(size - tail.length);
				f.readFully(tail);
			}
			String kind = kind(head);
			if (kind.equals("program") || kind.equals("archive")) {
				throw Problem.invalid(ProblemCode.FILE_REFUSED, field, "a " + kind + " is never kept");
			}
			String declared = declared(declaredType);
			String byName = byExtension(filename);
			if (kind.equals("unknown")) {
				throw Problem.invalid(
						declared != null || byName != null ? ProblemCode.FILE_TYPE_MISMATCH : ProblemCode.FILE_INVALID,
						field, "only PDF, JPEG and PNG files are kept, and this is none of them");
			}
			if ((declared != null && !declared.equals(kind)) || (byName != null && !byName.equals(kind))
					|| (byName == null && hasExtension(filename))) {
				throw Problem.invalid(ProblemCode.FILE_TYPE_MISMATCH, field,
						"the bytes are a " + kind + ", not what the name or the declared type says");
			}
			if (kind.equals(PDF) && !hasTrailer(tail)) {
				throw Problem.invalid(ProblemCode.FILE_NOT_PDF, field,
						"the file starts as a PDF but has no trailer (startxref, %%EOF) at its end");
			}
			return kind;
		}

		/** What the first bytes say the file is. */
		static String kind(byte[] b) {
			if (starts(b, 'M', 'Z') || starts(b, 0x7F, 'E', 'L', 'F') || starts(b, 0xFE, 0xED, 0xFA, 0xCE)
					|| starts(b, 0xFE, 0xED, 0xFA, 0xCF) || starts(b, 0xCE, 0xFA, 0xED, 0xFE)
					|| starts(b, 0xCF, 0xFA, 0xED, 0xFE) || starts(b, 0xCA, 0xFE, 0xBA, 0xBE) || starts(b, '#', '!')
					|| starts(b, 0x00, 'a', 's', 'm')) {
				return "program";
			}
			if (starts(b, 'P', 'K', 3, 4) || starts(b, 'P', 'K', 5, 6) || starts(b, 'P', 'K', 7, 8)
					|| starts(b, 'R', 'a', 'r', '!', 0x1A, 0x07) || starts(b, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)
					|| starts(b, 0x1F, 0x8B) || starts(b, 'B', 'Z', 'h') || starts(b, 0xFD, '7', 'z', 'X', 'Z', 0x00)
					|| starts(b, 0x28, 0xB5, 0x2F, 0xFD) || isTar(b)) {
				return "archive";
			}
			if (starts(b, '%', 'P', 'D', 'F', '-')) {
				return PDF;
			}
			if (starts(b, 0xFF, 0xD8, 0xFF)) {
				return JPEG;
			}
			if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
				return PNG;
			}
			return "unknown";
		}

		private static boolean isTar(byte[] b) {
			return b.length >= 262 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r';
		}

		private static boolean starts(byte[] b, int... magic) {
			if (b.length < magic.length) {
				return false;
			}
			for (int i = 0; i < magic.length; i++) {
				if ((b[i] & 0xFF) != magic[i]) {
					return false;
				}
			}
			return true;
		}

		/** The declared type, when one is declared. */
		private static String declared(String contentType) {
			if (contentType == null || contentType.isBlank()) {
				return null;
			}
			String t = contentType.toLowerCase(Locale.ROOT);
			int semicolon = t.indexOf(';');
			t = (semicolon < 0 ? t : t.substring(0, semicolon)).strip();
			return switch (t) {
				case "application/octet-stream", "binary/octet-stream" -> null;
				case "image/jpg", "image/pjpeg" -> JPEG;
				case "application/x-pdf" -> PDF;
				default -> t;
			};
		}

		private static boolean hasExtension(String filename) {
			String name = filename == null ? ""
					: filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
			int dot = name.lastIndexOf('.');
			return dot > 0 && dot < name.length() - 1;
		}

		/** The type the name's extension says, if it names one of the kept types. */
		private static String byExtension(String filename) {
			if (!hasExtension(filename)) {
				return null;
			}
			String ext = filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
			return switch (ext) {
				case "pdf" -> PDF;
				case "jpg", "jpeg", "jpe", "jfif" -> JPEG;
				case "png" -> PNG;
				default -> null;
			};
		}

		private static boolean hasTrailer(byte[] tail) {
			String end = new String(tail, StandardCharsets.ISO_8859_1);
			return end.contains("%%EOF") && end.contains("startxref");
		}

	}

}
