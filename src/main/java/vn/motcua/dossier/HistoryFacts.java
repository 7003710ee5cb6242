package vn.motcua.dossier;

import java.time.Instant;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.motcua.org.SupplementMode;

/**
 * The facts an event of a dossier's history records beside its free note, as data (not as
 * words in the note), so that pages and the API say them in their reader's words. Each
 * action fills its own; the others are null (and left out of the API's JSON).
 * {@code assigneeName} is the assignee's full name, filled when read.
 *
 * @param assignee who was given the step (assign, forward)
 * @param step the step the dossier moved to (forward, send back)
 * @param dueAt the due time set: at receipt, after a supplement, the new one of an
 * apology
 * @param previousDueAt the due time before (apology, supplement received)
 * @param channel how the dossier arrived (receipt)
 * @param returnChannel how the result reached the applicant (return)
 * @param supplementRequest which supplement request this is (1, 2…)
 * @param late whether the dossier counts as late by rule (a second supplement request)
 * @param pauseStartedAt when the pause for the supplement began (supplement received)
 * @param pausedMinutes the working minutes the pause lasted (supplement received)
 * @param supplementMode how the pause was counted (supplement received)
 * @param resultRef the result's number and reference (result recorded)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryFacts(String assignee, String assigneeName, Integer step, Instant dueAt, Instant previousDueAt,
		Channel channel, ReturnChannel returnChannel, Integer supplementRequest, Boolean late, Instant pauseStartedAt,
		Long pausedMinutes, SupplementMode supplementMode, String resultRef) {

	static final HistoryFacts NONE = new HistoryFacts(null, null, null, null, null, null, null, null, null, null, null,
			null, null);

	static HistoryFacts received(Channel channel, Instant dueAt) {
		return new HistoryFacts(null, null, null, dueAt, null, channel, null, null, null, null, null, null, null);
	}

	static HistoryFacts assigned(String assignee) {
		return new HistoryFacts(assignee, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	static HistoryFacts toStep(int step, String assignee) {
		return new HistoryFacts(assignee, null, step, null, null, null, null, null, null, null, null, null, null);
	}

	static HistoryFacts supplementRequested(int request, boolean late) {
		return new HistoryFacts(null, null, null, null, null, null, null, request, late ? Boolean.TRUE : null, null,
				null, null, null);
	}

	static HistoryFacts supplementReceived(Instant pauseStartedAt, long pausedMinutes, SupplementMode mode,
			Instant previousDueAt, Instant dueAt) {
		return new HistoryFacts(null, null, null, dueAt, previousDueAt, null, null, null, null, pauseStartedAt,
				pausedMinutes, mode, null);
	}

	static HistoryFacts dueMoved(Instant previousDueAt, Instant dueAt) {
		return new HistoryFacts(null, null, null, dueAt, previousDueAt, null, null, null, null, null, null, null, null);
	}

	static HistoryFacts result(String resultRef) {
		return new HistoryFacts(null, null, null, null, null, null, null, null, null, null, null, null, resultRef);
	}

	static HistoryFacts returned(ReturnChannel channel) {
		return new HistoryFacts(null, null, null, null, null, null, channel, null, null, null, null, null, null);
	}

	/** The same facts with the assignee's full name, where there is an assignee. */
	HistoryFacts named(Function<String, String> fullNames) {
		return this.assignee == null ? this
				: new HistoryFacts(this.assignee, fullNames.apply(this.assignee), this.step, this.dueAt,
						this.previousDueAt, this.channel, this.returnChannel, this.supplementRequest, this.late,
						this.pauseStartedAt, this.pausedMinutes, this.supplementMode, this.resultRef);
	}

	/** Whether no fact is recorded. */
	boolean isEmpty() {
		return equals(NONE);
	}

}
