package vn.motcua.dossier;

import java.time.Instant;

/**
 * A complete online submission got its code and waits for the one-stop officer's check
 * (chờ tiếp nhận), due at {@code checkDueAt}. It is not received yet:
 * {@link DossierReceived} follows when the check accepts it.
 */
public record OnlineDossierSubmitted(String code, String unitCode, String procedureCode, Instant submittedAt,
		Instant checkDueAt) {
}
