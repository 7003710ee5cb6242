package vn.motcua.dossier;

import java.time.Instant;

/**
 * A dossier in a list: enough for a queue, without the applicant's details beyond the
 * name.
 */
public record DossierSummary(String code, String procedureCode, String procedureName, String applicantName,
		DossierStatus status, Instant receivedAt, Instant dueAt, boolean overdue, Timeliness timeliness) {
}
