package vn.motcua.dossier;

import java.time.Instant;

/**
 * A dossier's result reached its applicant, by the channel said;
 * {@code applicantIdNumber} as the dossier keeps it (null when it has none), for an
 * electronic result to go to the applicant's data store.
 */
public record ResultReturned(String code, String unitCode, ReturnChannel channel, String applicantIdNumber,
		Instant at) {
}
