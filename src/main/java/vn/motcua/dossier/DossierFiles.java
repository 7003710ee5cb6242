package vn.motcua.dossier;

import java.util.List;

/**
 * Where the scans handed in with a dossier are kept: the document module implements it,
 * so that the dossier module does not depend on it. Keeping and attaching happen inside
 * the caller's transaction: when it rolls back, neither the records nor the files of that
 * intake stay behind.
 */
public interface DossierFiles {

	/**
	 * Checks a scan before anything is saved; a reuse must pick a file of the data store
	 * of the applicant whose personal ID number is vouched for (by the counter's officer,
	 * who saw the card, or by a verified sign-in).
	 * @param vouchedIdNumber null when nobody vouched for one: no reuse then
	 * @throws vn.motcua.shared.Problem (invalid) naming the scan's field
	 */
	void check(Scan scan, String vouchedIdNumber);

	/** Checks a scan that brings new content (no reuse). */
	default void check(Scan scan) {
		check(scan, null);
	}

	/**
	 * Keeps the scans under a dossier's code (or a provisional key), by whom, in the data
	 * store of the applicant whose personal ID number is vouched for (null: in none).
	 */
	void keep(String key, String vouchedIdNumber, List<Scan> scans, String by);

	/**
	 * Keeps the scans under a dossier's code (or a provisional key), in no data store.
	 */
	default void keep(String key, List<Scan> scans, String by) {
		keep(key, null, scans, by);
	}

	/** Moves the scans kept under a provisional key to the dossier. */
	void attach(String provisionalKey, String dossierCode);

	/** Drops the scans kept under a provisional key that became no dossier. */
	void discard(String provisionalKey);

}
