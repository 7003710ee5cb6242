package vn.motcua.dossier;

/**
 * The outcomes of an intake: the three of the check at the counter (DOMAIN §5), and an
 * online submission sent on to the one-stop officer's check.
 */
public enum IntakeOutcome {

	/** Complete: a dossier with a code, a receipt and a due time (Form 01). */
	ACCEPTED,
	/**
	 * A complete online submission: a dossier with a code that waits for the one-stop
	 * officer's check (chờ tiếp nhận); no due time yet.
	 */
	SUBMITTED,
	/** Incomplete: a guidance slip listing what to add (Form 02); no dossier. */
	GUIDANCE,
	/** Refused at intake, with reasons (Form 03); no dossier. */
	REFUSED

}
