package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierPermissions;
import vn.motcua.dossier.core.DossierTransitions;
import vn.motcua.dossier.core.InvalidStatusTransition;
import vn.motcua.org.Actor;
import vn.motcua.org.Role;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Which actions an actor may take on a dossier now: the one answer that the pages and the
 * API show and that every action of {@link Dossier} checks before it changes anything.
 */
final class DossierRights {

	private DossierRights() {
	}

	/**
	 * Why the actor may not take the action now, or null when they may: the dossier is
	 * not theirs to see, its status does not allow it (DossierTransitions), their role
	 * and assignment do not (DossierPermissions), or a rule of the action does: the
	 * leader's step ends by a decision, there is no step further or before, an apology
	 * comes once and at least a working day ahead of the due time.
	 * @param calendar the unit's calendar; needed only for
	 * {@link DossierAction#APOLOGIZE}
	 */
	static Problem whyNot(DossierState s, DossierAction action, Actor actor, Instant now, WorkingCalendar calendar) {
		if (!actor.worksAt(s.unitCode)) {
			return DossierNotFound.forCode(s.code);
		}
		if (!DossierTransitions.of(action).from().contains(s.status)) {
			return InvalidStatusTransition.of(s.code, action, s.status);
		}
		Problem refusal = DossierPermissions.refusal(action, actor, s.unitCode, s.current().assignee(), s.code);
		if (refusal != null) {
			return refusal;
		}
		return ruleRefusal(s, action, now, calendar);
	}

	/**
	 * Why the action may not be replayed now on a dossier imported from a previous
	 * system, or null: its status does not allow it, or a rule of the action does. Who
	 * acted was an officer of the previous system; their role and assignment are that
	 * system's record, not checked again here (ADR 29).
	 */
	static Problem whyNotInHistory(DossierState s, DossierAction action, Instant now, WorkingCalendar calendar) {
		if (!DossierTransitions.of(action).from().contains(s.status)) {
			return InvalidStatusTransition.of(s.code, action, s.status);
		}
		return ruleRefusal(s, action, now, calendar);
	}

	private static Problem ruleRefusal(DossierState s, DossierAction action, Instant now, WorkingCalendar calendar) {
		return switch (action) {
			case FORWARD -> s.current().role() == Role.LEADER
					? conflict(ProblemCode.LEADER_STEP, "The leader's step ends by approving or refusing",
							"use approve or refuse on the leader's step")
					: s.next() == null ? conflict(ProblemCode.LAST_STEP, "There is no further step to hand over to",
							"no next step") : null;
			case SEND_BACK -> s.currentStep == 0
					? conflict(ProblemCode.FIRST_STEP, "The first step has no step before it", "no previous step")
					: null;
			case APOLOGIZE -> apologyRefusal(s, now, calendar);
			case RETURN_RESULT -> s.fee != null && s.fee.unpaid() ? conflict(
					ProblemCode.FEE_UNPAID, "The fee of dossier " + s.code + " (" + s.fee.amount()
							+ " đồng) is not paid yet; the result is" + " handed over once it is",
					"the fee is not paid") : null;
			default -> null;
		};
	}

	/**
	 * Why the applicant, who proved the dossier is theirs, may not take the action now,
	 * or null when they may: its status does not allow it, or it is not the applicant's
	 * to take (only handing in what was asked for is).
	 */
	static Problem whyNotForApplicant(DossierState s, DossierAction action) {
		if (!DossierTransitions.of(action).from().contains(s.status)) {
			return InvalidStatusTransition.of(s.code, action, s.status);
		}
		return DossierPermissions.applicantRefusal(action, s.code);
	}

	private static Problem apologyRefusal(DossierState s, Instant now, WorkingCalendar calendar) {
		if (s.apologies > 0) {
			return conflict(ProblemCode.APOLOGY_ALREADY_GIVEN,
					"The due time of dossier " + s.code + " was reset once already; it may be reset only once",
					"a dossier gets one apology and one new due time");
		}
		Duration left = calendar.workingTimeBetween(now, s.dueAt);
		if (left.compareTo(Duration.ofSeconds(calendar.hours().daySeconds())) < 0) {
			return conflict(ProblemCode.APOLOGY_TOO_LATE,
					"An apology must come at least one working day before the due time "
							+ s.dueAt.atOffset(WorkingCalendar.ZONE) + "; " + left.toMinutes()
							+ " working minutes are left",
					"less than one working day before the due time");
		}
		return null;
	}

	static Set<DossierAction> allowed(DossierState s, Actor actor, Instant now, WorkingCalendar calendar) {
		Set<DossierAction> allowed = EnumSet.noneOf(DossierAction.class);
		for (DossierAction action : DossierAction.values()) {
			if (whyNot(s, action, actor, now, calendar) == null) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	private static Problem conflict(ProblemCode code, String detail, String reason) {
		return new Problem(Problem.Kind.CONFLICT, code, detail, List.of(Problem.Violation.of("action", reason)));
	}

}
