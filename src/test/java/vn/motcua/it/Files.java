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

}
