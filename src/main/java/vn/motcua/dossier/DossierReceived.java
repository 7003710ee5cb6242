package vn.motcua.dossier;

import java.time.Instant;

/** A dossier was accepted at intake. */
public record DossierReceived(String code, String unitCode, String procedureCode, Channel channel, Instant receivedAt,
		Instant dueAt) {
}
