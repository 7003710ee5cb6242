package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Timeliness;

/**
 * What a saved change did to a received dossier, for the reports: the dossier's figures
 * after each of the changes written at once (one at the counter or the desk; all of an
 * imported dossier's history at once), oldest first. {@code version} is the dossier's
 * version once written: a report that has seen it, or a later one, has nothing to learn
 * from this event. {@code imported} says the changes came from a previous system's
 * history (ADR 29).
 */
public record DossierProgressed(String code, String unitCode, String procedureCode, Channel channel, int version,
		boolean imported, List<Figures> changes) {

	public DossierProgressed {
		changes = List.copyOf(changes);
	}

	/**
	 * The dossier's figures right after one change at {@code at}: its status, when it was
	 * received, its due time, from when it counts as overdue (null: it cannot be now),
	 * when it was resolved and how, how many supplements were asked for and apologies
	 * given.
	 */
	public record Figures(Instant at, DossierStatus status, Instant receivedAt, Instant dueAt, Instant overdueFrom,
			Instant resolvedAt, Timeliness timeliness, int supplementRequests, int apologies) {
	}

}
