package vn.motcua.dossier;

import java.nio.file.Path;

/**
 * A component handed in with a dossier: a scan or upload received into a temporary file
 * (already hashed and checked, never held in memory), or the pick of a file kept earlier
 * in the applicant's data store, to reuse without a new copy.
 *
 * @param field the form field it came in, for an error about it
 * @param component the name of the procedure's component it is a scan of
 * @param file the temporary file holding the content; null for a reuse
 * @param size the content's length in bytes
 * @param sha256 the content's SHA-256, in lower-case hexadecimal; null for a reuse
 * @param reuseOf the id of the earlier file record reused; null for new content
 */
public record Scan(String field, String component, String filename, String contentType, Path file, long size,
		String sha256, Long reuseOf) {

	/** The pick of an earlier file of the applicant's data store, for a component. */
	public static Scan reuse(String field, String component, long earlierFileId) {
		return new Scan(field, component, null, null, null, 0, null, earlierFileId);
	}

	/** Whether it reuses an earlier file rather than bringing new content. */
	public boolean isReuse() {
		return this.reuseOf != null;
	}

}
