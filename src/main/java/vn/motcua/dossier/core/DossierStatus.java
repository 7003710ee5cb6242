package vn.motcua.dossier.core;

/**
 * Where a dossier is in its life. Every move between them is in
 * {@link DossierTransitions}.
 */
public enum DossierStatus {

	/**
	 * Submitted online with a code; waits for the one-stop officer's check (chờ tiếp
	 * nhận), which has its own due time. Not yet received: no legal due time runs.
	 */
	AWAITING_INTAKE(true, false),
	/**
	 * The one-stop officer's check found it incomplete and said what to add (the guidance
	 * of Form 02); the applicant adds it online and it goes back to the check.
	 */
	AWAITING_ADDITIONS(true, false),
	/**
	 * Accepted at intake with a code and a due time; its first processing step is not yet
	 * under way.
	 */
	RECEIVED(true, true),
	/**
	 * Received, and its fee is due at intake (ADR 35): processing waits for the payment,
	 * the clock is paused, and the paused working time is added to the due time when the
	 * payment is confirmed.
	 */
	AWAITING_PAYMENT(true, true),
	/** A processing step (thẩm định, xử lý) is under way with its assignee. */
	IN_PROCESSING(true, true),
	/** The clock is paused: the applicant was asked, once, to supplement the dossier. */
	WAITING_FOR_SUPPLEMENT(true, true),
	/** The leader's step: to approve (and sign) or to refuse. */
	AWAITING_APPROVAL(true, true),
	/** Approved; the result document is being issued. */
	APPROVED(true, true),
	/**
	 * The result is issued and waits at the counter, in the post or online; timeliness is
	 * fixed now.
	 */
	RESULT_READY(true, true),
	/** The result was handed to the applicant. Final. */
	RETURNED(false, true),
	/** Refused after processing, with reasons. Final. */
	REFUSED(false, true),
	/** Stopped at the applicant's request before a result was issued. Final. */
	STOPPED(false, true),
	/** Withdrawn by the applicant. Final. */
	WITHDRAWN(false, true),
	/**
	 * Refused at the one-stop officer's check of an online submission, with reasons (the
	 * refusal of Form 03). Final; it was never received, so it has no timeliness.
	 */
	REFUSED_AT_INTAKE(false, false);

	private final boolean open;

	private final boolean received;

	DossierStatus(boolean open, boolean received) {
		this.open = open;
		this.received = received;
	}

	/**
	 * Whether the dossier is still in the shop (not returned, refused, stopped or
	 * withdrawn).
	 */
	public boolean isOpen() {
		return this.open;
	}

	/**
	 * Whether the dossier was received (accepted at the counter or at the check of an
	 * online submission), so that its legal due time runs and reports count it.
	 */
	public boolean isReceived() {
		return this.received;
	}

	/** Whether processing is over, so that timeliness is fixed. */
	public boolean isResolved() {
		return this == RESULT_READY || !this.open;
	}

}
