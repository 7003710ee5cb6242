package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierPermissions;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * What officers do to a dossier (the check of an online submission and the twelve actions
 * of processing), and which of them an officer may take now, with whom they may hand the
 * dossier to.
 */
@Service
public class DossierActions {

	/** What an action carries; each action reads the parts it needs. */
	public record ActionRequest(String assignee, String note, String reason, Instant newDueAt, String resultRef,
			ReturnChannel channel, Integer version) {
	}

	/**
	 * An action the officer may take now; for assign and forward, the officers who may
	 * take the step it hands the dossier to.
	 */
	public record AllowedAction(DossierAction action, List<Officer> assignees) {
	}

	private final Dossiers dossiers;

	private final Officers officers;

	private final DossierQueries queries;

	private final Calendars calendars;

	private final Clock clock;

	private final Units units;

	private final IntakeCheckTime checkTime;

	DossierActions(Dossiers dossiers, Officers officers, DossierQueries queries, Calendars calendars, Clock clock,
			Units units, IntakeCheckTime checkTime) {
		this.units = units;
		this.checkTime = checkTime;
		this.dossiers = dossiers;
		this.officers = officers;
		this.queries = queries;
		this.calendars = calendars;
		this.clock = clock;
	}

	/**
	 * Takes the action; with a {@code version} in the request, only on that version.
	 * @throws DossierChanged when the dossier is at another version
	 */
	@Transactional
	public DossierView act(Actor actor, String code, DossierAction action, ActionRequest request) {
		Dossier dossier = visible(actor, code, request.version());
		Instant now = this.clock.instant();
		if (request.version() != null && request.version() != dossier.version()) {
			throw new DossierChanged(DossierView.of(dossier, now));
		}
		switch (action) {
			case ACCEPT -> dossier.accept(actor, request.note(), now, calendar(dossier),
					this.units.settingsOn(dossier.unitCode(), LocalDate.ofInstant(now, WorkingCalendar.ZONE))
						.supplementMode());
			case ASK_FOR_MORE -> dossier.askForMore(actor, request.note(), now);
			case ADDITIONS_RECEIVED ->
				dossier.additionsReceived(actor, request.note(), now, calendar(dossier), this.checkTime.get());
			case REFUSE_ONLINE -> dossier.refuseOnline(actor, request.reason(), now);
			case ASSIGN -> dossier.assign(actor, officer(request.assignee(), true), request.note(), now);
			case FORWARD -> dossier.forward(actor, officer(request.assignee(), false), request.note(), now);
			case SEND_BACK -> dossier.sendBack(actor, request.note(), now);
			case REQUEST_SUPPLEMENT -> dossier.requestSupplement(actor, request.note(), now);
			case SUPPLEMENT_RECEIVED -> dossier.supplementReceived(actor, request.note(), now, calendar(dossier));
			case APPROVE -> dossier.approve(actor, request.note(), now);
			case REFUSE -> dossier.refuse(actor, request.reason(), now);
			case APOLOGIZE -> dossier.apologize(actor, request.reason(), request.newDueAt(), now, calendar(dossier));
			case STOP -> dossier.stop(actor, request.note(), now);
			case WITHDRAW -> dossier.withdraw(actor, request.note(), now);
			case RECORD_RESULT -> dossier.recordResult(actor, request.resultRef(), now);
			case RETURN_RESULT -> dossier.returnResult(actor, request.channel(), request.note(), now);
			// confirmed by the payment module (DossierFees), never by an officer here
			case PAYMENT_CONFIRMED -> throw dossier.whyNot(action, actor, now, calendar(dossier));
		}
		this.dossiers.save(dossier);
		return DossierView.of(dossier, now, new FullNames(this.officers));
	}

	/**
	 * The actions the actor may take on the dossier now, in the order of
	 * {@link DossierAction}; none for who may read but not act (a supervisor).
	 */
	@Transactional(readOnly = true)
	public List<AllowedAction> allowed(Actor actor, String code) {
		Dossier dossier = this.dossiers.find(code).orElseThrow(() -> DossierNotFound.forCode(code));
		if (!actor.worksAt(dossier.unitCode())) {
			// who may read the dossier (a supervisor) may take no action on it
			if (this.queries.mayRead(actor, dossier.unitCode())) {
				return List.of();
			}
			throw DossierNotFound.forCode(code);
		}
		List<Officer> colleagues = null;
		List<AllowedAction> allowed = new ArrayList<>();
		for (DossierAction action : dossier.allowedActions(actor, this.clock.instant(), calendar(dossier))) {
			Role role = dossier.roleToAssign(action);
			List<Officer> assignees = List.of();
			if (role != null) {
				colleagues = colleagues != null ? colleagues : this.officers.ofUnit(dossier.unitCode());
				assignees = colleagues.stream()
					.filter(o -> DossierPermissions.mayTake(o, dossier.unitCode(), role))
					.toList();
			}
			allowed.add(new AllowedAction(action, assignees));
		}
		return allowed;
	}

	private Dossier visible(Actor actor, String code, Integer version) {
		Dossier dossier = this.dossiers.find(code, version).orElseThrow(() -> DossierNotFound.forCode(code));
		if (!actor.worksAt(dossier.unitCode())) {
			throw DossierNotFound.forCode(code);
		}
		return dossier;
	}

	/**
	 * The unit's calendar with the hours and weekend in force when the dossier was
	 * received; today's for one not received yet (it is received today if at all now).
	 */
	private WorkingCalendar calendar(Dossier dossier) {
		return this.calendars.forUnit(dossier.unitCode(), dossier.rulesDay(this.clock.instant()));
	}

	private Officer officer(String username, boolean required) {
		if (username == null || username.isBlank()) {
			if (required) {
				throw Problem.invalid(ProblemCode.INVALID_REQUEST, "assignee", "is required");
			}
			return null;
		}
		return this.officers.find(username)
			.orElseThrow(
					() -> Problem.invalid(ProblemCode.ASSIGNEE_INVALID, "assignee", "no officer '" + username + "'"));
	}

}
