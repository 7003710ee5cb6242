package vn.motcua.dossier;

/** The three outcomes of the intake check at the counter (DOMAIN §5). */
public enum IntakeOutcome {

	/** Complete: a dossier with a code, a receipt and a due time (Form 01). */
	ACCEPTED,
	/** Incomplete: a guidance slip listing what to add (Form 02); no dossier. */
	GUIDANCE,
	/** Refused at intake, with reasons (Form 03); no dossier. */
	REFUSED

}
