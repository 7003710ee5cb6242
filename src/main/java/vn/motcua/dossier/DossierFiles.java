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
	 * Checks a scan before anything is saved.
	 * @throws vn.motcua.shared.Problem (invalid) naming the scan's field
	 */
	void check(Scan scan);

	/** Keeps the scans under a dossier's code (or a provisional key), by whom. */
	void keep(String key, List<Scan> scans, String by);

	/** Moves the scans kept under a provisional key to the dossier. */
	void attach(String provisionalKey, String dossierCode);

	/** Drops the scans kept under a provisional key that became no dossier. */
	void discard(String provisionalKey);

}
