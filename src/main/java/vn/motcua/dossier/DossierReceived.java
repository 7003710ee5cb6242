package vn.motcua.dossier;

import java.time.Instant;

/**
 * A dossier was accepted at intake, with the number of components it was received with.
 */
public record DossierReceived(String code, String unitCode, String procedureCode, Channel channel, Instant receivedAt,
		Instant dueAt, int components) {

	public DossierReceived(String code, String unitCode, String procedureCode, Channel channel, Instant receivedAt,
			Instant dueAt) {
		this(code, unitCode, procedureCode, channel, receivedAt, dueAt, 0);
	}

}
