package vn.motcua.dossier.core;

import java.time.Instant;
import java.time.LocalDate;

import vn.motcua.calendar.core.WorkingCalendar;

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
		// the applicant's waits: for their supplement, for their payment (ADR 35)
		return status == DossierStatus.WAITING_FOR_SUPPLEMENT || status == DossierStatus.AWAITING_PAYMENT ? null
				: dueAt;
	}

	/** Whether a dossier overdue from {@code overdueFrom} is overdue now. */
	public static boolean at(Instant overdueFrom, Instant now) {
		return overdueFrom != null && now.isAfter(overdueFrom);
	}

	/**
	 * How many working days a dossier is overdue by now, as a counter officer says "quá
	 * hạn 2 ngày": the working days of the unit's calendar after the day it became
	 * overdue, up to today; 1 on that day itself and on the days off right after it (it
	 * is late already); 0 when it is not overdue.
	 */
	public static int workingDays(Instant overdueFrom, Instant now, WorkingCalendar calendar) {
		if (!at(overdueFrom, now)) {
			return 0;
		}
		LocalDate dayAfter = LocalDate.ofInstant(overdueFrom, WorkingCalendar.ZONE).plusDays(1);
		LocalDate today = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
		return today.isBefore(dayAfter) ? 1 : Math.max(1, calendar.workingDaysBetween(dayAfter, today));
	}

}
