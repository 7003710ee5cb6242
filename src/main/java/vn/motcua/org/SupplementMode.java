package vn.motcua.org;

/**
 * How a unit counts the time a dossier waits for the applicant's supplement (DOMAIN §5).
 */
public enum SupplementMode {

	/**
	 * Mode A, as the national portal's index counts: the pause is added to the due time.
	 */
	PAUSE_ADDED,
	/** Mode B: the full committed time starts again when the supplement arrives. */
	RESTART

}
