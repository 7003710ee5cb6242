package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
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
 * @param checkDueAt by when the one-stop officer's check of an online submission is due
 * (submitted, additions received)
 * @param handedIn the components the applicant handed in online (additions, supplement)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryFacts(String assignee, String assigneeName, Integer step, Instant dueAt, Instant previousDueAt,
		Channel channel, ReturnChannel returnChannel, Integer supplementRequest, Boolean late, Instant pauseStartedAt,
		Long pausedMinutes, SupplementMode supplementMode, String resultRef, Instant checkDueAt,
		List<String> handedIn) {

	static final HistoryFacts NONE = new HistoryFacts(null, null, null, null, null, null, null, null, null, null, null,
			null, null, null, null);

	/**
	 * At most this many names of components handed in, each cut to its first 200
	 * characters.
	 */
	private static final int MAX_HANDED_IN = 12;

	/** An online submission came in, to wait for the check due then. */
	static HistoryFacts submitted(Channel channel, Instant checkDueAt) {
		return new HistoryFacts(null, null, null, null, null, channel, null, null, null, null, null, null, null,
				checkDueAt, null);
	}

	/**
	 * What the applicant (or the counter, {@code handedIn} empty) handed in after the
	 * check asked for more: the check is due again then.
	 */
	static HistoryFacts additionsReceived(Instant checkDueAt, List<String> handedIn) {
		return new HistoryFacts(null, null, null, null, null, null, null, null, null, null, null, null, null,
				checkDueAt, names(handedIn));
	}

	/** The same facts with the components the applicant handed in online. */
	HistoryFacts handedIn(List<String> names) {
		return new HistoryFacts(this.assignee, this.assigneeName, this.step, this.dueAt, this.previousDueAt,
				this.channel, this.returnChannel, this.supplementRequest, this.late, this.pauseStartedAt,
				this.pausedMinutes, this.supplementMode, this.resultRef, this.checkDueAt, names(names));
	}

	private static List<String> names(List<String> names) {
		return names == null || names.isEmpty() ? null
				: names.stream().limit(MAX_HANDED_IN).map(n -> n.length() > 200 ? n.substring(0, 200) : n).toList();
	}

	static HistoryFacts received(Channel channel, Instant dueAt) {
		return new HistoryFacts(null, null, null, dueAt, null, channel, null, null, null, null, null, null, null, null,
				null);
	}

	static HistoryFacts assigned(String assignee) {
		return new HistoryFacts(assignee, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	static HistoryFacts toStep(int step, String assignee) {
		return new HistoryFacts(assignee, null, step, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	static HistoryFacts supplementRequested(int request, boolean late) {
		return new HistoryFacts(null, null, null, null, null, null, null, request, late ? Boolean.TRUE : null, null,
				null, null, null, null, null);
	}

	static HistoryFacts supplementReceived(Instant pauseStartedAt, long pausedMinutes, SupplementMode mode,
			Instant previousDueAt, Instant dueAt) {
		return new HistoryFacts(null, null, null, dueAt, previousDueAt, null, null, null, null, pauseStartedAt,
				pausedMinutes, mode, null, null, null);
	}

	static HistoryFacts dueMoved(Instant previousDueAt, Instant dueAt) {
		return new HistoryFacts(null, null, null, dueAt, previousDueAt, null, null, null, null, null, null, null, null,
				null, null);
	}

	static HistoryFacts result(String resultRef) {
		return new HistoryFacts(null, null, null, null, null, null, null, null, null, null, null, null, resultRef, null,
				null);
	}

	static HistoryFacts returned(ReturnChannel channel) {
		return new HistoryFacts(null, null, null, null, null, null, channel, null, null, null, null, null, null, null,
				null);
	}

	/** The same facts with the assignee's full name, where there is an assignee. */
	HistoryFacts named(Function<String, String> fullNames) {
		return this.assignee == null ? this
				: new HistoryFacts(this.assignee, fullNames.apply(this.assignee), this.step, this.dueAt,
						this.previousDueAt, this.channel, this.returnChannel, this.supplementRequest, this.late,
						this.pauseStartedAt, this.pausedMinutes, this.supplementMode, this.resultRef, this.checkDueAt,
						this.handedIn);
	}

	/** Whether no fact is recorded. */
	boolean isEmpty() {
		return equals(NONE);
	}

}
