package vn.motcua.dossier.core;

/**
 * Where a dossier is in its life. Every move between them is in
 * {@link DossierTransitions}.
 */
public enum DossierStatus {

	/**
	 * Accepted at intake with a code and a due time; its first processing step is not yet
	 * under way.
	 */
	RECEIVED(true),
	/** A processing step (thẩm định, xử lý) is under way with its assignee. */
	IN_PROCESSING(true),
	/** The clock is paused: the applicant was asked, once, to supplement the dossier. */
	WAITING_FOR_SUPPLEMENT(true),
	/** The leader's step: to approve (and sign) or to refuse. */
	AWAITING_APPROVAL(true),
	/** Approved; the result document is being issued. */
	APPROVED(true),
	/**
	 * The result is issued and waits at the counter, in the post or online; timeliness is
	 * fixed now.
	 */
	RESULT_READY(true),
	/** The result was handed to the applicant. Final. */
	RETURNED(false),
	/** Refused after processing, with reasons. Final. */
	REFUSED(false),
	/** Stopped at the applicant's request before a result was issued. Final. */
	STOPPED(false),
	/** Withdrawn by the applicant. Final. */
	WITHDRAWN(false);

	private final boolean open;

	DossierStatus(boolean open) {
		this.open = open;
	}

	/**
	 * Whether the dossier is still in the shop (not returned, refused, stopped or
	 * withdrawn).
	 */
	public boolean isOpen() {
		return this.open;
	}

	/** Whether processing is over, so that timeliness is fixed. */
	public boolean isResolved() {
		return this == RESULT_READY || !this.open;
	}

}
