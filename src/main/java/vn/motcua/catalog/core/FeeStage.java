package vn.motcua.catalog.core;

/**
 * Where a procedure's process waits for its fee to be paid (ADR 35): at intake, before
 * processing starts, or before the result is handed over.
 */
public enum FeeStage {

	/** Paid at intake: processing waits for it, and the wait is the applicant's. */
	INTAKE,
	/** Paid before the result is returned: the result waits at the counter until paid. */
	RESULT

}
