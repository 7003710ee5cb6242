package vn.motcua.feedback;

import java.time.Instant;

/** An applicant rated their returned dossier: what the reports count as satisfaction. */
public record DossierRated(String code, String unitCode, Rating rating, Instant at) {
}
