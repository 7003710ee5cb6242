package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.DossierAction;

/**
 * A dossier moved, by an action, from one status to another (possibly the same, e.g. an
 * apology).
 */
public record DossierStatusChanged(String code, String unitCode, DossierAction action, DossierStatus from,
		DossierStatus to, Instant at, String actor) {
}
