package vn.motcua.dossier.core;

import java.time.Instant;

/**
 * When an open dossier counts as overdue (DOMAIN §5): an online submission waiting for
 * the one-stop officer's check, from the check's due time; never while the applicant adds
 * what the check asked for; once received, from its due time while it runs; never while
 * it waits for the applicant's supplement; from its receipt once a second supplement
 * request made it late by rule; never once processing is over. The store keeps this
 * instant in a column, so that lists filter and sort by it.
 */
public final class Overdue {

	private Overdue() {
	}

	/** The instant from which the dossier is overdue, or null when it cannot be. */
	public static Instant from(DossierStatus status, boolean forcedLate, Instant receivedAt, Instant dueAt,
			Instant intakeDueAt) {
		if (status.isResolved() || status == DossierStatus.AWAITING_ADDITIONS) {
			return null;
		}
		if (status == DossierStatus.AWAITING_INTAKE) {
			return intakeDueAt;
		}
		if (forcedLate) {
			return receivedAt;
		}
		return status == DossierStatus.WAITING_FOR_SUPPLEMENT ? null : dueAt;
	}

	/** Whether a dossier overdue from {@code overdueFrom} is overdue now. */
	public static boolean at(Instant overdueFrom, Instant now) {
		return overdueFrom != null && now.isAfter(overdueFrom);
	}

}
