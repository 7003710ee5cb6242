package vn.motcua.dossier;

import java.time.Instant;

/**
 * What anyone holding a dossier's code and the last four digits of the applicant's ID or
 * phone number may see: no personal data beyond that.
 */
public record PublicStatus(String code, String unitCode, String procedureName, DossierStatus status, Instant receivedAt,
		Instant dueAt, boolean overdue, Timeliness timeliness, Instant returnedAt) {
}
