package vn.motcua.dossier;

import java.time.Instant;

/**
 * The processing body apologised for a delay and set a new due time (Form 04), with the
 * reason it gave.
 */
public record DossierApologized(String code, String unitCode, String reason, Instant previousDueAt, Instant newDueAt,
		Instant at) {
}
