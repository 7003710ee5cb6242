package vn.motcua.dossier;

import java.time.Instant;

import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Overdue;
import vn.motcua.dossier.core.Timeliness;

/**
 * What anyone holding a dossier's code and the last four digits of the applicant's ID or
 * phone number may see: no personal data beyond that.
 */
public record PublicStatus(String code, String unitCode, String procedureName, DossierStatus status, Instant receivedAt,
		Instant dueAt, boolean overdue, Timeliness timeliness, Instant returnedAt) {

	static PublicStatus of(DossierLists.Row row, Instant now) {
		return new PublicStatus(row.code(), row.unitCode(), row.procedureName(), row.status(), row.receivedAt(),
				row.dueAt(), Overdue.at(row.overdueFrom(), now), row.timeliness(), row.returnedAt());
	}

}
