package vn.motcua.dossier;

import java.time.Instant;
import vn.motcua.dossier.core.DossierStatus;

/**
 * One thing that happened to a dossier, appended and never changed: who, when, what, from
 * which status to which, and a note (reason, assignee, new due time…).
 */
public record HistoryEntry(Instant at, String actor, String action, DossierStatus from, DossierStatus to, String note) {
}
