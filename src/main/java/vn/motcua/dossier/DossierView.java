package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.dossier.core.Timeliness;

/**
 * A dossier as shown to who may see it. {@code overdue} is judged against now for open
 * dossiers (for an online submission waiting for the one-stop officer's check, against
 * the check's due time {@code intakeDueAt}); {@code timeliness} is fixed once processing
 * is over. An online submission not received yet has no {@code receivedAt} and no due
 * times. {@code applicantNotice}: what the applicant was last asked to add, or why the
 * online submission was refused; {@code apologyReason}: the reason of the apology.
 * {@code fee}: the fee computed at intake (null: none; an amount of 0: exempt).
 */
public record DossierView(String code, String unitCode, String procedureCode, String procedureName,
		long procedureVersionId, ProcessingTime committedTime, Channel channel, Applicant applicant,
		DossierStatus status, Instant receivedAt, Instant originalDueAt, Instant dueAt, boolean overdue,
		Timeliness timeliness, Instant resolvedAt, int supplementRequests, int apologies, boolean forcedLate,
		Integer currentStep, String currentAssignee, String resultRef, Instant returnedAt, ReturnChannel returnChannel,
		List<SubmittedComponent> components, List<Step> steps, Instant submittedAt, Instant intakeDueAt,
		String applicantNotice, String apologyReason, int version, DossierFee fee) {

	/**
	 * A step with its due time and, once done, its verdict; the officers by username and
	 * full name.
	 */
	public record Step(int number, String name, String role, double hours, String assignee, String assigneeName,
			Instant startedAt, Instant dueAt, Instant completedAt, String completedBy, String completedByName,
			Timeliness verdict) {
	}

	/** The dossier without the officers' full names. */
	static DossierView of(Dossier d, Instant now) {
		return of(d, now, username -> null);
	}

	/** The dossier with the officers' full names (null for a name not found). */
	static DossierView of(Dossier d, Instant now, Function<String, String> fullNames) {
		DossierState s = d.state();
		DossierStep current = d.currentStep();
		return new DossierView(s.code, s.unitCode, s.procedureCode, s.procedureName, s.procedureVersionId,
				s.committedTime, s.channel, s.applicant, s.status, s.receivedAt, s.originalDueAt, s.dueAt,
				d.isOverdue(now), s.timeliness, s.resolvedAt, s.supplementRequests, s.apologies, s.forcedLate,
				current != null ? current.number() : null, current != null ? current.assignee() : null, s.resultRef,
				s.returnedAt, s.returnChannel, s.components,
				s.steps.stream()
					.map(t -> new Step(t.number(), t.name(), t.role().name(), t.hours(), t.assignee(),
							name(fullNames, t.assignee()), t.startedAt(), t.dueAt(), t.completedAt(), t.completedBy(),
							name(fullNames, t.completedBy()), t.verdict()))
					.toList(),
				s.submittedAt, s.intakeDueAt, s.applicantNotice, s.apologyReason, s.version, s.fee);
	}

	private static String name(Function<String, String> fullNames, String username) {
		return username == null ? null : fullNames.apply(username);
	}

}
