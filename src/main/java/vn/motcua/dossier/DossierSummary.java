package vn.motcua.dossier;

import java.time.Instant;
import java.util.function.Function;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Overdue;
import vn.motcua.dossier.core.Timeliness;

/**
 * A dossier in a list: enough for a queue, without the applicant's details beyond the
 * name. {@code currentAssignee}: who holds the step under way (null: nobody, or
 * processing is over), with their full name; {@code overdueDays}: how many working days
 * it is overdue by (see {@link Overdue#workingDays}), 0 when it is not.
 */
public record DossierSummary(String code, String procedureCode, String procedureName, String applicantName,
		DossierStatus status, Instant receivedAt, Instant dueAt, boolean overdue, int overdueDays,
		Timeliness timeliness, String currentAssignee, String currentAssigneeName) {

	/**
	 * The row as listed now, with the assignee's full name and the days overdue counted
	 * on the calendar the dossier is judged by.
	 */
	static DossierSummary of(DossierLists.Row row, Instant now, Function<String, String> fullNames,
			Function<DossierLists.Row, WorkingCalendar> calendars) {
		boolean overdue = Overdue.at(row.overdueFrom(), now);
		return new DossierSummary(row.code(), row.procedureCode(), row.procedureName(), row.applicantName(),
				row.status(), row.receivedAt(), row.dueAt(), overdue,
				overdue ? Overdue.workingDays(row.overdueFrom(), now, calendars.apply(row)) : 0, row.timeliness(),
				row.currentAssignee(), row.currentAssignee() == null ? null : fullNames.apply(row.currentAssignee()));
	}

}
