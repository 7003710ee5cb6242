package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

import vn.motcua.dossier.core.Timeliness;

/**
 * A dossier of a previous system (OpenCPS, VNPT iGate, a national-portal export) with its
 * own event times, as a history file gives it (docs/history-import.md, ADR 29): its
 * source and ID there, its original code, unit (null: the import's), procedure, channel,
 * applicant, components (each with whether it was digitized), when it was received and
 * the due time the source gave, the events after the receipt, the source's own verdict,
 * whether its result was signed digitally, and its fees with how they were paid.
 */
public record ImportedDossier(String source, String sourceId, String code, String unitCode, String procedureCode,
		Channel channel, Applicant applicant, List<Component> components, Instant receivedAt, Instant sourceDueAt,
		List<Event> events, Timeliness sourceVerdict, Boolean resultSigned, List<Fee> fees) {

	public ImportedDossier {
		components = components == null ? List.of() : List.copyOf(components);
		events = events == null ? List.of() : List.copyOf(events);
		fees = fees == null ? List.of() : List.copyOf(fees);
	}

	/** A component handed in; {@code digitized}: a scan of it was kept. */
	public record Component(String name, int originals, int copies, boolean digitized) {
	}

	/**
	 * What happened to the dossier after its receipt, at {@code at}, by {@code by} (the
	 * previous system's officer): the note or reason, the new due time of an apology, how
	 * a result was returned, the result's reference.
	 */
	public record Event(Kind type, Instant at, String by, String note, Instant newDueAt, ReturnChannel returnChannel,
			String resultRef) {
	}

	/** The kinds of event a history file may hold (its {@code type}). */
	public enum Kind {

		/** Handed to the next step (chuyển xử lý). */
		HANDOVER,
		/** The applicant was asked to supplement the dossier. */
		SUPPLEMENT_REQUESTED,
		/** The supplement arrived. */
		SUPPLEMENT_RECEIVED,
		/** An apology with a new due time (Form 04). */
		APOLOGY,
		/** The leader approved (and signed). */
		APPROVED,
		/** The result was issued. */
		RESULT,
		/** The result was returned. */
		RETURNED,
		/** Refused after processing. */
		REFUSED,
		/** Stopped at the applicant's request. */
		STOPPED,
		/** Withdrawn by the applicant. */
		WITHDRAWN

	}

	/** A fee: its name, amount in đồng, and how it was paid (COUNTER, ONLINE or NONE). */
	public record Fee(String name, long amount, String paidBy) {
	}

}
