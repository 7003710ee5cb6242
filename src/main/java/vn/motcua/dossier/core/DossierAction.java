package vn.motcua.dossier.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an officer can do to a dossier; the path segment of {@code /actions/{action}}. */
public enum DossierAction {

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
	/** Hand the result to the applicant. */
	RETURN_RESULT;

	public String path() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<DossierAction> fromPath(String path) {
		return Arrays.stream(values()).filter(a -> a.path().equals(path)).findFirst();
	}

}
