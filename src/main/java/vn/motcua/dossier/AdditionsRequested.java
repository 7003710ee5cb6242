package vn.motcua.dossier;

import java.time.Instant;

/**
 * The one-stop officer's check of an online submission asked the applicant to add
 * {@code whatToAdd} (Form 02's guidance) before it can be received; the applicant adds it
 * online from the look-up or their page.
 */
public record AdditionsRequested(String code, String unitCode, String whatToAdd, Instant at) {
}
