package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Timeliness;

/**
 * Processing of a dossier is over (result issued, refused, stopped or withdrawn) and its
 * timeliness is fixed: what reports count.
 */
public record DossierResolved(String code, String unitCode, String procedureCode, DossierStatus status,
		Timeliness timeliness, Instant receivedAt, Instant dueAt, Instant resolvedAt) {
}
