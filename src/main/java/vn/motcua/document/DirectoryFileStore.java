package vn.motcua.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps each file's content as a file named by its key in one directory
 * ({@code motcua.files.dir}, default {@code ./data/files}). Several instances share it
 * when the directory is a mount they all see (NFS, SMB, a cluster file system): a file is
 * written under a temporary name and moved into place in one step, so that no instance
 * reads half of it.
 */
public class DirectoryFileStore implements FileStore {

	private final Path dir;

	public DirectoryFileStore(Path dir) {
		this.dir = dir;
	}

	@Override
	public boolean exists(String key) {
		return Files.exists(path(key));
	}

	@Override
	public void put(String key, InputStream content, long length) {
		Path temp = null;
		try {
			Files.createDirectories(this.dir);
			temp = Files.createTempFile(this.dir, "upload-", ".part");
			Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
			Files.move(temp, path(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new UncheckedIOException("cannot store a file under " + this.dir, ex);
		}
	}

	@Override
	public Optional<InputStream> open(String key) {
		try {
			return Optional.of(Files.newInputStream(path(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read a file under " + this.dir, ex);
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(path(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot remove a file under " + this.dir, ex);
		}
	}

	@Override
	public String toString() {
		return "the directory " + this.dir.toAbsolutePath();
	}

	/** The file of a key: keys are hexadecimal digests, never a path. */
	private Path path(String key) {
		if (!key.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a content key: " + key);
		}
		return this.dir.resolve(key);
	}

	private static void deleteQuietly(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ignored) {
				// a stray .part file holds no record's content
			}
		}
	}

}
