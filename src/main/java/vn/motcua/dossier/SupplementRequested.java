package vn.motcua.dossier;

import java.time.Instant;

/**
 * An officer asked the applicant to add to the dossier: what to add ({@code request}, as
 * the officer wrote it), and which request of the dossier this is (the law allows one).
 */
public record SupplementRequested(String code, String unitCode, String request, int number, Instant at) {
}
