package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.core.FeeStage;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierPermissions;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.DossierTransitions;
import vn.motcua.dossier.core.InvalidStatusTransition;
import vn.motcua.dossier.core.Overdue;
import vn.motcua.dossier.core.ProcessPlan;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Role;
import vn.motcua.org.SupplementMode;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.VietnameseText;

/**
 * A dossier (hồ sơ) of the one-stop shop: the aggregate that keeps the rules of its life
 * (DOMAIN §5). It answers which actions an actor may take now ({@link #whyNot}), and each
 * action checks the same answer before it changes anything, appends to the history and
 * records the events to publish. It owns its schedule, its current step and when it is
 * overdue; the store writes what it decides. Nothing here asks the clock: every instant
 * is an argument. Its state is seen only by this package (the store beside it).
 */
final class Dossier {

	/** How far an apology may move the due time: a year past the current one. */
	static final java.time.Duration MAX_APOLOGY_DELAY = java.time.Duration.ofDays(366);

	private final DossierState s;

	private final List<HistoryEntry> newHistory = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	private final List<DossierProgressed.Figures> progress = new ArrayList<>();

	/**
	 * Whether this dossier's history is being replayed from a previous system (ADR 29):
	 * for this object only, never stored, so that once imported an open dossier goes on
	 * under the same rules and checks as any other.
	 */
	private boolean replaying;

	Dossier(DossierState state) {
		this.s = state;
	}

	/** What a new dossier is made of: its procedure version, applicant and plan. */
	record Intake(String unitCode, String procedureCode, String procedureName, long procedureVersionId,
			ProcessingTime committedTime, LocalTime sameDayCutoff, Channel channel, Applicant applicant,
			List<SubmittedComponent> components, List<ProcessPlan.Step> plan, SupplementMode supplementMode,
			DossierFee fee) {
	}

	/**
	 * Accepts a dossier at intake: due time from the committed time in the unit's working
	 * time, each step due one after the other from the receipt. A first step at the
	 * counter (the one-stop officer's receipt) is done at once by the receiving officer.
	 */
	static Dossier receive(String code, Intake intake, Actor actor, Instant now, WorkingCalendar calendar) {
		return receive(code, intake, actor, now, calendar, null);
	}

	/**
	 * A dossier of a previous system's history, received at {@code receivedAt} there: its
	 * further actions are replayed by this aggregate's rules at their own times, as the
	 * previous system's officers took them (ADR 29).
	 */
	static Dossier imported(String source, String code, Intake intake, Actor actor, Instant receivedAt,
			WorkingCalendar calendar) {
		Dossier d = receive(code, intake, actor, receivedAt, calendar, source);
		d.replaying = true;
		return d;
	}

	/** Whether its history is being replayed from a previous system now. */
	boolean replaying() {
		return this.replaying;
	}

	private static Dossier receive(String code, Intake intake, Actor actor, Instant now, WorkingCalendar calendar,
			String source) {
		Dossier d = new Dossier(newState(code, intake, DossierStatus.RECEIVED, now).from(source));
		d.startClock(actor, now, calendar);
		d.waitForPayment(now);
		d.newHistory.add(new HistoryEntry(now, actor.username(), null, "RECEIVE", null, d.s.status, null,
				HistoryFacts.received(intake.channel(), d.s.dueAt)));
		d.events.add(new DossierReceived(code, intake.unitCode(), intake.procedureCode(), intake.channel(), now,
				d.s.dueAt, d.s.components.size()));
		d.progressed(now);
		return d;
	}

	/**
	 * Takes in a complete online submission with its code, to wait for the one-stop
	 * officer's check (chờ tiếp nhận), due {@code checkTime} of working time from now. It
	 * is not received yet: no legal due time runs until the check accepts it (ADR 15).
	 * The first step (the receipt) is the check, due when the check is.
	 */
	static Dossier submit(String code, Intake intake, String by, Instant now, WorkingCalendar calendar,
			Duration checkTime) {
		Dossier d = new Dossier(newState(code, intake, DossierStatus.AWAITING_INTAKE, now));
		Instant checkDue = calendar.plus(now, checkTime);
		d.s.intakeDueAt = checkDue;
		d.s.steps.get(0).moveDue(checkDue);
		d.newHistory.add(new HistoryEntry(now, by, null, "SUBMIT", null, DossierStatus.AWAITING_INTAKE, null,
				HistoryFacts.submitted(intake.channel(), checkDue)));
		d.events.add(new OnlineDossierSubmitted(code, intake.unitCode(), intake.procedureCode(), now, checkDue));
		return d;
	}

	private static DossierState newState(String code, Intake intake, DossierStatus status, Instant now) {
		List<DossierStep> steps = new ArrayList<>();
		for (int i = 0; i < intake.plan().size(); i++) {
			ProcessPlan.Step p = intake.plan().get(i);
			steps.add(new DossierStep(i + 1, p.name(), p.role(), p.hours(), null, i == 0 ? now : null, null, null, null,
					null));
		}
		return new DossierState(null, code, intake.unitCode(), intake.procedureCode(), intake.procedureName(),
				intake.procedureVersionId(), intake.committedTime(), intake.sameDayCutoff(), intake.channel(),
				intake.applicant(), intake.components(), steps, null, null, status, null, null, 0, null, 0, false, 0,
				null, null, null, null, null, intake.supplementMode(), now, null, null, null, 0)
			.withFee(intake.fee());
	}

	/**
	 * Just received: a fee due at intake and not paid yet makes the dossier wait for the
	 * payment, its clock paused from now (ADR 35). A dossier imported from a previous
	 * system never waits: its fees were that system's.
	 */
	private void waitForPayment(Instant now) {
		DossierFee fee = this.s.fee;
		if (this.s.source == null && fee != null && fee.unpaid() && fee.stage() == FeeStage.INTAKE) {
			this.s.pausedFrom = this.s.status;
			this.s.pauseStartedAt = now;
			this.s.status = DossierStatus.AWAITING_PAYMENT;
		}
	}

	/** Whether the dossier waits for its fee before processing goes on. */
	boolean awaitsPayment() {
		return this.s.status == DossierStatus.AWAITING_PAYMENT;
	}

	/**
	 * The dossier is received now: its due time counts from now, and so do its steps',
	 * one after the other. A first step at the counter (the receipt) is done now by who
	 * receives it; for an online submission that step was the check, judged by the
	 * check's own due time.
	 */
	private void startClock(Actor actor, Instant now, WorkingCalendar calendar) {
		DossierStep first = this.s.steps.get(0);
		Instant checkDue = first.dueAt();
		schedule(this.s.steps, now, calendar);
		Instant due = dueAt(now, this.s.committedTime, this.s.sameDayCutoff, calendar);
		this.s.receivedAt = now;
		this.s.originalDueAt = due;
		this.s.dueAt = due;
		this.s.intakeDueAt = null;
		if (first.role() == Role.ONE_STOP_OFFICER && this.s.steps.size() > 1) {
			if (checkDue != null) {
				first.moveDue(checkDue);
			}
			first.assign(actor.username());
			first.complete(now, actor.username());
			this.s.currentStep = 1;
			this.s.steps.get(1).start(now);
		}
		else {
			first.start(now);
		}
	}

	/**
	 * The due time of a dossier received (or restarted) at {@code from}: the committed
	 * time in the unit's working time, a same-day procedure received after the cut-off
	 * due the next working day. The one rule for the receipt, a restart after a
	 * supplement, and the counter's due time shown before accepting.
	 */
	static Instant dueAt(Instant from, ProcessingTime committedTime, LocalTime sameDayCutoff,
			WorkingCalendar calendar) {
		return calendar.dueAt(from, committedTime, sameDayCutoff);
	}

	/**
	 * Sets the due times of the steps not done, one after the other from {@code from}.
	 */
	private static void schedule(List<DossierStep> steps, Instant from, WorkingCalendar calendar) {
		Instant cursor = from;
		for (DossierStep step : steps) {
			if (!step.isDone()) {
				cursor = calendar.plus(cursor, Duration.ofSeconds(Math.round(step.hours() * 3600)));
				step.moveDue(cursor);
			}
		}
	}

	// ------------------------------------------------------------------ who may do what

	/** Why the actor may not take the action now, or null (see {@link DossierRights}). */
	Problem whyNot(DossierAction action, Actor actor, Instant now, WorkingCalendar calendar) {
		return DossierRights.whyNot(this.s, action, actor, now, calendar);
	}

	/** The actions the actor may take now. */
	Set<DossierAction> allowedActions(Actor actor, Instant now, WorkingCalendar calendar) {
		return DossierRights.allowed(this.s, actor, now, calendar);
	}

	/**
	 * The role of the step an action hands the dossier to, for choosing its assignee: the
	 * current step's on assign, the next step's on forward; else null.
	 */
	Role roleToAssign(DossierAction action) {
		return switch (action) {
			case ASSIGN -> this.s.current().role();
			case FORWARD -> this.s.next() == null ? null : this.s.next().role();
			default -> null;
		};
	}

	private void require(DossierAction action, Actor actor, Instant now, WorkingCalendar calendar) {
		Problem problem = this.replaying ? DossierRights.whyNotInHistory(this.s, action, now, calendar)
				: whyNot(action, actor, now, calendar);
		if (problem != null) {
			throw problem;
		}
	}

	private void requireApplicant(DossierAction action) {
		Problem problem = DossierRights.whyNotForApplicant(this.s, action);
		if (problem != null) {
			throw problem;
		}
	}

	private void requireAssignable(Officer officer, DossierStep step) {
		if (!DossierPermissions.mayTake(officer, this.s.unitCode, step.role())) {
			throw Problem.invalid(ProblemCode.ASSIGNEE_INVALID, "assignee", "'" + officer.username() + "' is not a "
					+ step.role() + " of unit " + this.s.unitCode + ", as step " + step.number() + " needs");
		}
	}

	private static void requireText(String field, String text, String what) {
		if (text == null || text.isBlank()) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, field, "is required: " + what);
		}
		if (text.length() > 2000) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, field, "must be at most 2000 characters");
		}
		if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, field, "must not contain control characters");
		}
	}

	// ------------------------------------------------------------------ the check of an
	// online submission

	/**
	 * The one-stop officer accepts the online submission: it is received now, judged by
	 * the unit's supplement mode of today, and due from now (DOMAIN §4, §5).
	 */
	void accept(Actor actor, String note, Instant now, WorkingCalendar calendar, SupplementMode supplementMode) {
		require(DossierAction.ACCEPT, actor, now, null);
		this.s.supplementMode = supplementMode;
		startClock(actor, now, calendar);
		DossierFee fee = this.s.fee;
		boolean waits = fee != null && fee.unpaid() && fee.stage() == FeeStage.INTAKE;
		if (waits) {
			this.s.pausedFrom = DossierStatus.RECEIVED;
			this.s.pauseStartedAt = now;
		}
		moveTo(DossierAction.ACCEPT, waits ? DossierStatus.AWAITING_PAYMENT : DossierStatus.RECEIVED, actor, now, note,
				HistoryFacts.received(this.s.channel, this.s.dueAt));
		this.events.add(new DossierReceived(this.s.code, this.s.unitCode, this.s.procedureCode, this.s.channel, now,
				this.s.dueAt, this.s.components.size()));
	}

	/** The check asks the applicant to add what the note says (Form 02's guidance). */
	void askForMore(Actor actor, String whatToAdd, Instant now) {
		require(DossierAction.ASK_FOR_MORE, actor, now, null);
		requireText("note", whatToAdd, "what the applicant must add");
		this.s.applicantNotice = whatToAdd.strip();
		this.s.intakeDueAt = null;
		// what to add is the officer's own words: the note
		moveTo(DossierAction.ASK_FOR_MORE, DossierStatus.AWAITING_ADDITIONS, actor, now, this.s.applicantNotice,
				HistoryFacts.NONE);
		this.events.add(new AdditionsRequested(this.s.code, this.s.unitCode, this.s.applicantNotice, now));
	}

	/**
	 * An officer records that what the check asked for was handed in (at the counter):
	 * the submission is checked again, due {@code checkTime} from now.
	 */
	void additionsReceived(Actor actor, String note, Instant now, WorkingCalendar calendar, Duration checkTime) {
		require(DossierAction.ADDITIONS_RECEIVED, actor, now, null);
		backToCheck(actor.username(), List.of(), note, now, calendar, checkTime);
	}

	/** The applicant handed in, online, what the check asked for. */
	void additionsFromApplicant(String by, List<SubmittedComponent> added, String note, Instant now,
			WorkingCalendar calendar, Duration checkTime) {
		requireApplicant(DossierAction.ADDITIONS_RECEIVED);
		handIn(added);
		backToCheck(by, added, note, now, calendar, checkTime);
	}

	private void backToCheck(String by, List<SubmittedComponent> added, String note, Instant now,
			WorkingCalendar calendar, Duration checkTime) {
		Instant checkDue = calendar.plus(now, checkTime);
		this.s.intakeDueAt = checkDue;
		this.s.steps.get(0).moveDue(checkDue);
		moveTo(DossierAction.ADDITIONS_RECEIVED, DossierStatus.AWAITING_INTAKE, by, now, note,
				HistoryFacts.additionsReceived(checkDue, names(added)));
	}

	/** The check refuses the online submission, with reasons (Form 03). */
	void refuseOnline(Actor actor, String reason, Instant now) {
		require(DossierAction.REFUSE_ONLINE, actor, now, null);
		requireText("reason", reason, "the reasons for refusing");
		this.s.applicantNotice = reason.strip();
		this.s.intakeDueAt = null;
		this.s.resolvedAt = now;
		moveTo(DossierAction.REFUSE_ONLINE, DossierStatus.REFUSED_AT_INTAKE, actor, now, this.s.applicantNotice,
				HistoryFacts.NONE);
		this.events.add(new OnlineDossierRefused(this.s.code, this.s.unitCode, this.s.applicantNotice, now));
	}

	private static List<String> names(List<SubmittedComponent> components) {
		return components.stream().map(SubmittedComponent::name).toList();
	}

	/**
	 * Adds the components handed in later (online additions, a supplement) to those
	 * handed in, once each.
	 */
	private void handIn(List<SubmittedComponent> added) {
		List<SubmittedComponent> all = new ArrayList<>(this.s.components);
		for (SubmittedComponent c : added) {
			String name = VietnameseText.fold(c.name());
			if (all.stream().noneMatch(h -> VietnameseText.fold(h.name()).equals(name))) {
				all.add(c);
			}
		}
		this.s.components = List.copyOf(all);
	}

	// ------------------------------------------------------------------ actions

	void assign(Actor actor, Officer assignee, String note, Instant now) {
		require(DossierAction.ASSIGN, actor, now, null);
		DossierStep step = this.s.current();
		requireAssignable(assignee, step);
		step.assign(assignee.username());
		assigned(step, actor, now);
		moveTo(DossierAction.ASSIGN, statusOf(step), actor, now, note, HistoryFacts.assigned(assignee.username()));
	}

	void forward(Actor actor, Officer nextAssignee, String note, Instant now) {
		require(DossierAction.FORWARD, actor, now, null);
		DossierStep next = this.s.next();
		if (nextAssignee != null) {
			requireAssignable(nextAssignee, next);
		}
		this.s.current().complete(now, actor.username());
		this.s.currentStep++;
		next.start(now);
		if (nextAssignee != null) {
			next.assign(nextAssignee.username());
			assigned(next, actor, now);
		}
		moveTo(DossierAction.FORWARD, statusOf(next), actor, now, note,
				HistoryFacts.toStep(next.number(), nextAssignee != null ? nextAssignee.username() : null));
	}

	void sendBack(Actor actor, String note, Instant now) {
		require(DossierAction.SEND_BACK, actor, now, null);
		requireText("note", note, "why the dossier goes back");
		this.s.currentStep--;
		DossierStep back = this.s.current();
		back.reopen(now);
		DossierStatus to = back.role() == Role.ONE_STOP_OFFICER && this.s.currentStep == 0 ? DossierStatus.RECEIVED
				: statusOf(back);
		moveTo(DossierAction.SEND_BACK, to, actor, now, note, HistoryFacts.toStep(back.number(), null));
	}

	void requestSupplement(Actor actor, String note, Instant now) {
		require(DossierAction.REQUEST_SUPPLEMENT, actor, now, null);
		requireText("note", note, "what the applicant must add");
		this.s.applicantNotice = note.strip();
		this.s.supplementRequests++;
		if (this.s.supplementRequests > 1) {
			// the law allows one request; a second one counts the dossier as late
			this.s.forcedLate = true;
		}
		this.s.pausedFrom = this.s.status;
		this.s.pauseStartedAt = now;
		this.events
			.add(new SupplementRequested(this.s.code, this.s.unitCode, note.strip(), this.s.supplementRequests, now));
		moveTo(DossierAction.REQUEST_SUPPLEMENT, DossierStatus.WAITING_FOR_SUPPLEMENT, actor, now, note,
				HistoryFacts.supplementRequested(this.s.supplementRequests, this.s.forcedLate));
	}

	/**
	 * The supplement arrived: the clock runs again, counted by the mode in force when the
	 * dossier was received.
	 */
	void supplementReceived(Actor actor, String note, Instant now, WorkingCalendar calendar) {
		require(DossierAction.SUPPLEMENT_RECEIVED, actor, now, calendar);
		resume(actor.username(), List.of(), note, now, calendar);
	}

	/** The applicant handed in the supplement online: the clock runs again. */
	void supplementFromApplicant(String by, List<SubmittedComponent> added, String note, Instant now,
			WorkingCalendar calendar) {
		requireApplicant(DossierAction.SUPPLEMENT_RECEIVED);
		handIn(added);
		resume(by, added, note, now, calendar);
	}

	private void resume(String by, List<SubmittedComponent> added, String note, Instant now, WorkingCalendar calendar) {
		Duration paused = calendar.workingTimeBetween(this.s.pauseStartedAt, now);
		Instant pauseStart = this.s.pauseStartedAt;
		Instant dueBefore = this.s.dueAt;
		if (this.s.supplementMode == SupplementMode.PAUSE_ADDED) {
			this.s.dueAt = calendar.plus(this.s.dueAt, paused);
			for (DossierStep step : this.s.steps) {
				if (!step.isDone()) {
					step.moveDue(calendar.plus(step.dueAt(), paused));
				}
			}
		}
		else {
			this.s.dueAt = dueAt(now, this.s.committedTime, this.s.sameDayCutoff, calendar);
			schedule(this.s.steps, now, calendar);
		}
		DossierStatus back = this.s.pausedFrom;
		this.s.pausedFrom = null;
		this.s.pauseStartedAt = null;
		moveTo(DossierAction.SUPPLEMENT_RECEIVED, back, by, now, note,
				HistoryFacts
					.supplementReceived(pauseStart, paused.toMinutes(), this.s.supplementMode, dueBefore, this.s.dueAt)
					.handedIn(names(added)));
	}

	/**
	 * The fee was paid by the payment {@code reference} at {@code at}, as {@code by} (the
	 * payment module: "system", or the finance officer who recorded it) says. A dossier
	 * waiting for it goes on where it was received, its due time and its steps' moved by
	 * the working time it waited (ADR 35); otherwise the fee is marked paid and the
	 * status stays. Already paid: nothing changes.
	 * @return whether anything changed
	 */
	boolean paid(String by, String reference, String method, Instant at, WorkingCalendar calendar) {
		DossierFee fee = this.s.fee;
		if (fee == null || !fee.due()) {
			throw new Problem(Problem.Kind.CONFLICT, ProblemCode.INVALID_REQUEST,
					"Dossier " + this.s.code + " has no fee to pay",
					List.of(Problem.Violation.of("dossierCode", "no fee")));
		}
		if (fee.paid()) {
			return false;
		}
		if (!DossierTransitions.of(DossierAction.PAYMENT_CONFIRMED).from().contains(this.s.status)) {
			throw InvalidStatusTransition.of(this.s.code, DossierAction.PAYMENT_CONFIRMED, this.s.status);
		}
		this.s.fee = fee.paidBy(reference, at);
		String note = reference + (method == null ? "" : " (" + method + ")");
		if (this.s.status != DossierStatus.AWAITING_PAYMENT) {
			moveTo(DossierAction.PAYMENT_CONFIRMED, this.s.status, by, at, note, HistoryFacts.NONE);
			return true;
		}
		Instant pauseStart = this.s.pauseStartedAt;
		Instant resumedAt = at.isBefore(pauseStart) ? pauseStart : at;
		Duration paused = calendar.workingTimeBetween(pauseStart, resumedAt);
		Instant dueBefore = this.s.dueAt;
		// the wait is the applicant's: counted as a supplement in mode A, whatever the
		// unit's supplement mode
		this.s.dueAt = calendar.plus(this.s.dueAt, paused);
		for (DossierStep step : this.s.steps) {
			if (!step.isDone()) {
				step.moveDue(calendar.plus(step.dueAt(), paused));
			}
		}
		DossierStatus back = this.s.pausedFrom == null ? DossierStatus.RECEIVED : this.s.pausedFrom;
		this.s.pausedFrom = null;
		this.s.pauseStartedAt = null;
		moveTo(DossierAction.PAYMENT_CONFIRMED, back, by, resumedAt, note,
				HistoryFacts.supplementReceived(pauseStart, paused.toMinutes(), null, dueBefore, this.s.dueAt));
		return true;
	}

	void approve(Actor actor, String note, Instant now) {
		require(DossierAction.APPROVE, actor, now, null);
		this.s.current().complete(now, actor.username());
		if (this.s.next() != null) {
			this.s.currentStep++;
			this.s.current().start(now);
		}
		moveTo(DossierAction.APPROVE, DossierStatus.APPROVED, actor, now, note, HistoryFacts.NONE);
	}

	void refuse(Actor actor, String reason, Instant now) {
		require(DossierAction.REFUSE, actor, now, null);
		requireText("reason", reason, "the reasons for refusing");
		resolve(now);
		moveTo(DossierAction.REFUSE, DossierStatus.REFUSED, actor, now, reason, HistoryFacts.NONE);
	}

	void apologize(Actor actor, String reason, Instant newDue, Instant now, WorkingCalendar calendar) {
		require(DossierAction.APOLOGIZE, actor, now, calendar);
		requireText("reason", reason, "the reason for the delay");
		if (newDue == null) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "newDueAt", "the new due time is required");
		}
		Instant old = this.s.dueAt;
		if (!newDue.isAfter(old)) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "newDueAt",
					"must be after the current due time " + old.atOffset(WorkingCalendar.ZONE));
		}
		if (newDue.isAfter(old.plus(MAX_APOLOGY_DELAY))) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "newDueAt",
					"may be at most a year after the current due time " + old.atOffset(WorkingCalendar.ZONE));
		}
		this.s.apologies++;
		this.s.dueAt = newDue;
		this.events.add(new DossierApologized(this.s.code, this.s.unitCode, reason.strip(), old, newDue, now));
		moveTo(DossierAction.APOLOGIZE, this.s.status, actor, now, reason, HistoryFacts.dueMoved(old, newDue));
		this.s.apologyReason = reason.strip();
	}

	void stop(Actor actor, String note, Instant now) {
		end(DossierAction.STOP, DossierStatus.STOPPED, actor, note, now);
	}

	void withdraw(Actor actor, String note, Instant now) {
		end(DossierAction.WITHDRAW, DossierStatus.WITHDRAWN, actor, note, now);
	}

	private void end(DossierAction action, DossierStatus to, Actor actor, String note, Instant now) {
		require(action, actor, now, null);
		resolve(now);
		moveTo(action, to, actor, now, note, HistoryFacts.NONE);
	}

	void recordResult(Actor actor, String resultRef, Instant now) {
		require(DossierAction.RECORD_RESULT, actor, now, null);
		requireText("resultRef", resultRef, "a reference to the result document");
		if (resultRef.length() > 300) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "resultRef", "must be at most 300 characters");
		}
		this.s.resultRef = resultRef.strip();
		resolve(now);
		moveTo(DossierAction.RECORD_RESULT, DossierStatus.RESULT_READY, actor, now, null,
				HistoryFacts.result(this.s.resultRef));
	}

	void returnResult(Actor actor, ReturnChannel channel, String note, Instant now) {
		require(DossierAction.RETURN_RESULT, actor, now, null);
		if (channel == null) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "channel",
					"how the result was returned: COUNTER, POST, ELECTRONIC");
		}
		for (DossierStep step : this.s.steps) {
			if (!step.isDone()) {
				if (step.startedAt() == null) {
					step.start(now);
				}
				step.complete(now, actor.username());
			}
		}
		this.s.currentStep = this.s.steps.size() - 1;
		this.s.returnedAt = now;
		this.s.returnChannel = channel;
		moveTo(DossierAction.RETURN_RESULT, DossierStatus.RETURNED, actor, now, note, HistoryFacts.returned(channel));
		this.events.add(new ResultReturned(this.s.code, this.s.unitCode, channel,
				this.s.applicant == null ? null : this.s.applicant.idNumber(), now));
	}

	// ------------------------------------------------------------------ state changes

	private static DossierStatus statusOf(DossierStep step) {
		return step.role() == Role.LEADER ? DossierStatus.AWAITING_APPROVAL : DossierStatus.IN_PROCESSING;
	}

	/**
	 * Processing is over: timeliness is fixed against the due time (a second supplement
	 * request: late).
	 */
	private void resolve(Instant now) {
		this.s.resolvedAt = now;
		this.s.timeliness = this.s.forcedLate ? Timeliness.LATE
				: Timeliness.judge(now, this.s.dueAt, WorkingCalendar.ZONE);
	}

	/**
	 * Moves to the status and records it in the history: the facts as data, the officer's
	 * own note (or reason) as typed, nothing when blank.
	 */
	private void moveTo(DossierAction action, DossierStatus to, Actor actor, Instant now, String note,
			HistoryFacts facts) {
		moveTo(action, to, actor.username(), now, note, facts);
	}

	/**
	 * Moves to the status as {@code by}: an officer's username, or the applicant acting
	 * online ({@code online:…}).
	 */
	private void moveTo(DossierAction action, DossierStatus to, String by, Instant now, String note,
			HistoryFacts facts) {
		DossierStatus from = this.s.status;
		this.s.status = DossierTransitions.target(action, to);
		this.newHistory.add(new HistoryEntry(now, by, null, action.name(), from, to,
				note == null || note.isBlank() ? null : note.strip(), facts));
		this.events.add(new DossierStatusChanged(this.s.code, this.s.unitCode, action, from, to, now, by));
		if (this.s.status.isReceived()) {
			progressed(now);
		}
		// only a received dossier has a timeliness for the reports; a refused online
		// submission never was
		if (to.isResolved() && !from.isResolved() && to.isReceived()) {
			this.events.add(new DossierResolved(this.s.code, this.s.unitCode, this.s.procedureCode, to,
					this.s.timeliness, this.s.receivedAt, this.s.dueAt, now));
		}
	}

	/** The dossier's figures after a change, for the reports. */
	private void progressed(Instant now) {
		this.progress.add(new DossierProgressed.Figures(now, this.s.status, this.s.receivedAt, this.s.dueAt,
				overdueFrom(), this.s.resolvedAt, this.s.timeliness, this.s.supplementRequests, this.s.apologies));
	}

	/** The step was handed to its assignee: an event, unless one took it oneself. */
	private void assigned(DossierStep step, Actor actor, Instant now) {
		if (!step.assignee().equals(actor.username())) {
			this.events.add(new StepAssigned(this.s.code, this.s.unitCode, step.number(), step.name(), step.assignee(),
					step.dueAt(), actor.username(), now));
		}
	}

	// ------------------------------------------------------------------ reading

	/** The step under way, or null once processing is over. */
	DossierStep currentStep() {
		return this.s.status.isResolved() ? null : this.s.current();
	}

	/** Who holds the step under way, or null (none, or processing is over). */
	String currentAssignee() {
		DossierStep step = currentStep();
		return step == null ? null : step.assignee();
	}

	/**
	 * From when the dossier counts as overdue (see {@link Overdue}); null: it cannot be.
	 */
	Instant overdueFrom() {
		return Overdue.from(this.s.status, this.s.forcedLate, this.s.receivedAt, this.s.dueAt, this.s.intakeDueAt);
	}

	boolean isOverdue(Instant now) {
		return Overdue.at(overdueFrom(), now);
	}

	DossierState state() {
		return this.s;
	}

	/**
	 * The day whose unit settings (hours, weekend) judge the dossier: the day it was
	 * received; today for one not received yet, since it is received today if at all.
	 */
	LocalDate rulesDay(Instant now) {
		return LocalDate.ofInstant(this.s.receivedAt != null ? this.s.receivedAt : now, WorkingCalendar.ZONE);
	}

	/** History entries added since the dossier was loaded, to append. */
	List<HistoryEntry> newHistory() {
		return List.copyOf(this.newHistory);
	}

	/** Events recorded since the dossier was loaded, to publish. */
	List<Object> events() {
		return List.copyOf(this.events);
	}

	/** The dossier's figures after each change since it was loaded, for the reports. */
	List<DossierProgressed.Figures> progress() {
		return List.copyOf(this.progress);
	}

	/** The store wrote the dossier: its id and new version; nothing is pending now. */
	void stored(long id, int version) {
		this.s.id = id;
		this.s.version = version;
		this.newHistory.clear();
		this.events.clear();
		this.progress.clear();
	}

	String code() {
		return this.s.code;
	}

	String unitCode() {
		return this.s.unitCode;
	}

	int version() {
		return this.s.version;
	}

}
