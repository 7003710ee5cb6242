package vn.motcua.dossier;

import java.time.Instant;

/**
 * An intake at the counter did not become a dossier and its slip was recorded: a guidance
 * slip (Form 02) or a refusal slip (Form 03), read by its id
 * ({@link DossierQueries#slipAsIssued}). No personal data travels in the event.
 */
public record IntakeSlipRecorded(long id, String unitCode, IntakeOutcome outcome, Instant at) {
}
