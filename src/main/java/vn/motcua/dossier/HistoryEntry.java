package vn.motcua.dossier;

import java.time.Instant;
import java.util.function.Function;

import vn.motcua.dossier.core.DossierStatus;

/**
 * One thing that happened to a dossier, appended and never changed: who (the username,
 * and the officer's full name when read), when, what, from which status to which, the
 * facts it recorded (assignee, step, due times, channel…) and the free note the officer
 * wrote (a reason, a remark), if any.
 */
public record HistoryEntry(Instant at, String actor, String actorName, String action, DossierStatus from,
		DossierStatus to, String note, HistoryFacts facts) {

	/** Recorded by the applicant through the online portal ({@code online:…}). */
	public boolean byApplicant() {
		return this.actor != null && this.actor.startsWith(ONLINE);
	}

	/** Who acts for the applicant of an online submission. */
	static final String ONLINE = "online:";

	/** The same entry with the officers' full names. */
	HistoryEntry named(Function<String, String> fullNames) {
		return new HistoryEntry(this.at, this.actor, byApplicant() ? null : fullNames.apply(this.actor), this.action,
				this.from, this.to, this.note, this.facts.named(fullNames));
	}

}
