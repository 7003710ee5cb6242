package vn.motcua.document;

import java.time.Instant;

/** A file kept for a dossier's component, with its SHA-256 and who stored it when. */
public record StoredFile(long id, String dossierCode, String component, String filename, String contentType,
		long sizeBytes, String sha256, Instant storedAt, String storedBy) {
}
