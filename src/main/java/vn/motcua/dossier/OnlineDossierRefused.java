package vn.motcua.dossier;

import java.time.Instant;

/**
 * The one-stop officer's check refused an online submission, with reasons (Form 03). It
 * was never received: reports do not count it.
 */
public record OnlineDossierRefused(String code, String unitCode, String reasons, Instant at) {
}
