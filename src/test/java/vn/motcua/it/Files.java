package vn.motcua.it;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Small real files for upload tests, made on the spot. */
final class Files {

	private Files() {
	}

	/** A small PNG standing in for a scanned form. */
	static byte[] png() {
		BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		image.getGraphics().drawString("TK", 5, 15);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A scan as {@code document.Uploads} hands it over, its bytes in a temporary file,
	 * without the checks: for tests that call the intake directly.
	 */
	static vn.motcua.dossier.Scan scan(String field, String component, String filename, String type, byte[] bytes) {
		try {
			Path dir = java.nio.file.Files.createDirectories(Path.of("target", "test-scans"));
			Path file = java.nio.file.Files.write(java.nio.file.Files.createTempFile(dir, "scan-", ".part"), bytes);
			String sha256 = java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
			return new vn.motcua.dossier.Scan(field, component, filename, type, file, bytes.length, sha256, null);
		}
		catch (IOException | java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The PNG as a file named to-khai.png, for a browser to upload. */
	static Path scannedForm() {
		try {
			Path dir = java.nio.file.Files.createDirectories(Path.of("target", "upload-fixtures"));
			return java.nio.file.Files.write(dir.resolve("to-khai.png"), png()).toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The contents in a directory file store other than the papers the forms module
	 * issued (a receipt is made, signed and stored for each dossier just after its
	 * intake): what uploads kept.
	 */
	static long uploadedContents(org.springframework.jdbc.core.simple.JdbcClient jdbc, Path store) throws IOException {
		java.util.Set<String> issued = new java.util.HashSet<>(
				jdbc.sql("select sha256 from issued_document").query(String.class).list());
		if (!java.nio.file.Files.isDirectory(store)) {
			return 0;
		}
		try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(store)) {
			return files.filter(java.nio.file.Files::isRegularFile)
				.filter(f -> !issued.contains(f.getFileName().toString()))
				.count();
		}
	}

}
