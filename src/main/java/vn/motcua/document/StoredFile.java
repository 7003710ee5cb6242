package vn.motcua.document;

import java.time.Instant;

/**
 * A file kept for a dossier: a component handed in or its electronic result
 * ({@code kind}), with its SHA-256 and who stored it when, and its digitization record:
 * how it came ({@code origin}: DIGITIZED, REUSED from an earlier dossier's component,
 * FROM_STORE from an electronic result in the applicant's data store), from which earlier
 * record ({@code reusedFrom}), in whose data store ({@code ownerId}, a personal ID
 * number, or null).
 */
public record StoredFile(long id, String dossierCode, String component, String filename, String contentType,
		long sizeBytes, String sha256, Instant storedAt, String storedBy, String kind, String origin, Long reusedFrom,
		String ownerId) {

	/** A component handed in with the dossier. */
	public static final String COMPONENT = "COMPONENT";

	/** The dossier's electronic result. */
	public static final String RESULT = "RESULT";

	/** Scanned or uploaded: new content. */
	public static final String DIGITIZED = "DIGITIZED";

	/** An earlier dossier's component, picked from the applicant's data store. */
	public static final String REUSED = "REUSED";

	/** An electronic result kept in the applicant's data store, picked as a component. */
	public static final String FROM_STORE = "FROM_STORE";

	/** Whether it was picked from the data store rather than brought anew. */
	public boolean reused() {
		return !DIGITIZED.equals(this.origin);
	}

}
