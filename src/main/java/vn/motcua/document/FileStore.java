package vn.motcua.document;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where the content of the dossiers' files is kept, by key (its SHA-256), so that every
 * instance of the application reads what any instance wrote (ADR 23): a directory (local,
 * or a mount all instances share) or an S3-compatible object store. Content under a key
 * never changes; writing a key again writes the same bytes.
 */
public interface FileStore {

	/** Whether content is kept under the key. */
	boolean exists(String key);

	/**
	 * Keeps the content under the key, whole or not at all: a reader never sees part of
	 * it.
	 * @param length the number of bytes the stream holds
	 */
	void put(String key, InputStream content, long length);

	/**
	 * Keeps a file's content under the key. A store that may read the content more than
	 * once (S3 signs a body over plain HTTP, and retries) reads the file again as it
	 * needs.
	 */
	default void put(String key, java.nio.file.Path file) {
		try (InputStream in = java.nio.file.Files.newInputStream(file)) {
			put(key, in, java.nio.file.Files.size(file));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The content kept under the key, to be read once and closed; empty when none is
	 * kept.
	 */
	Optional<InputStream> open(String key);

	/** Removes the content under the key, if any. */
	void delete(String key);

}
