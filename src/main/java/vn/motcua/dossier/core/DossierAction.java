package vn.motcua.dossier.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an officer can do to a dossier; the path segment of {@code /actions/{action}}. */
public enum DossierAction {

	/**
	 * The one-stop officer checked an online submission and accepts it: it is received
	 * now, and its legal due time counts from now.
	 */
	ACCEPT,
	/**
	 * The check found the online submission incomplete: the officer says what to add
	 * (Form 02's guidance), and the applicant adds it online.
	 */
	ASK_FOR_MORE,
	/**
	 * What the check asked for arrived (uploaded by the applicant, or handed in at the
	 * counter): the submission is checked again.
	 */
	ADDITIONS_RECEIVED,
	/** The check refuses the online submission, with reasons (Form 03). */
	REFUSE_ONLINE,

	/** Give the current step to an officer with its role. */
	ASSIGN,
	/** Hand over to the next step. */
	FORWARD,
	/** Send back to the previous step, with a note. */
	SEND_BACK,
	/**
	 * Ask the applicant to supplement (once; a second request makes the dossier late).
	 */
	REQUEST_SUPPLEMENT,
	/** The supplement arrived: the clock runs again. */
	SUPPLEMENT_RECEIVED,
	/** The leader approves. */
	APPROVE,
	/** Refuse after processing, with reasons. */
	REFUSE,
	/**
	 * Apologise and set a new due time (once, at least a working day before the due
	 * time).
	 */
	APOLOGIZE,
	/** Stop at the applicant's request. */
	STOP,
	/** The applicant withdraws the dossier. */
	WITHDRAW,
	/** Record the issued result. */
	RECORD_RESULT,
	/** Hand the result to the applicant (its fee paid first). */
	RETURN_RESULT,
	/**
	 * The dossier's fee was paid: confirmed by the payment module (DossierFees), never
	 * taken by an officer on the dossier. A dossier waiting for it goes on.
	 */
	PAYMENT_CONFIRMED;

	public String path() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<DossierAction> fromPath(String path) {
		return Arrays.stream(values()).filter(a -> a.path().equals(path)).findFirst();
	}

}
