package vn.motcua.dossier;

import java.time.Instant;

import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Overdue;
import vn.motcua.dossier.core.Timeliness;

/**
 * A dossier in a list: enough for a queue, without the applicant's details beyond the
 * name. {@code currentAssignee}: who holds the step under way (null: nobody, or
 * processing is over).
 */
public record DossierSummary(String code, String procedureCode, String procedureName, String applicantName,
		DossierStatus status, Instant receivedAt, Instant dueAt, boolean overdue, Timeliness timeliness,
		String currentAssignee) {

	static DossierSummary of(DossierLists.Row row, Instant now) {
		return new DossierSummary(row.code(), row.procedureCode(), row.procedureName(), row.applicantName(),
				row.status(), row.receivedAt(), row.dueAt(), Overdue.at(row.overdueFrom(), now), row.timeliness(),
				row.currentAssignee());
	}

}
