package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Role;
import vn.motcua.org.SupplementMode;
import vn.motcua.shared.Problem;

/**
 * A dossier (hồ sơ) of the one-stop shop: the aggregate that keeps the rules of its life
 * (DOMAIN §5). Status-changing methods are package-private, check the actor's role, unit
 * and assignment, append to the history and record the events to publish. Nothing here
 * asks the clock: every instant is an argument.
 */
public final class Dossier {

	private Long id;

	private final String code;

	private final String unitCode;

	private final String procedureCode;

	private final String procedureName;

	private final long procedureVersionId;

	private final ProcessingTime committedTime;

	private final LocalTime sameDayCutoff;

	private final Channel channel;

	private final Applicant applicant;

	private final List<SubmittedComponent> components;

	private final List<DossierStep> steps;

	private final Instant receivedAt;

	private final Instant originalDueAt;

	private DossierStatus status;

	private DossierStatus pausedFrom;

	private Instant dueAt;

	private int supplementRequests;

	private Instant pauseStartedAt;

	private int apologies;

	private boolean forcedLate;

	private int currentStep;

	private Instant resolvedAt;

	private Timeliness timeliness;

	private String resultRef;

	private Instant returnedAt;

	private ReturnChannel returnChannel;

	private int version;

	private final List<HistoryEntry> newHistory = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	/** The whole state, as stored; for the store only. */
	public record State(Long id, String code, String unitCode, String procedureCode, String procedureName,
			long procedureVersionId, ProcessingTime committedTime, LocalTime sameDayCutoff, Channel channel,
			Applicant applicant, List<SubmittedComponent> components, List<DossierStep> steps, Instant receivedAt,
			Instant originalDueAt, DossierStatus status, DossierStatus pausedFrom, Instant dueAt,
			int supplementRequests, Instant pauseStartedAt, int apologies, boolean forcedLate, int currentStep,
			Instant resolvedAt, Timeliness timeliness, String resultRef, Instant returnedAt,
			ReturnChannel returnChannel, int version) {
	}

	public Dossier(State s) {
		this.id = s.id();
		this.code = s.code();
		this.unitCode = s.unitCode();
		this.procedureCode = s.procedureCode();
		this.procedureName = s.procedureName();
		this.procedureVersionId = s.procedureVersionId();
		this.committedTime = s.committedTime();
		this.sameDayCutoff = s.sameDayCutoff();
		this.channel = s.channel();
		this.applicant = s.applicant();
		this.components = List.copyOf(s.components());
		this.steps = List.copyOf(s.steps());
		this.receivedAt = s.receivedAt();
		this.originalDueAt = s.originalDueAt();
		this.status = s.status();
		this.pausedFrom = s.pausedFrom();
		this.dueAt = s.dueAt();
		this.supplementRequests = s.supplementRequests();
		this.pauseStartedAt = s.pauseStartedAt();
		this.apologies = s.apologies();
		this.forcedLate = s.forcedLate();
		this.currentStep = s.currentStep();
		this.resolvedAt = s.resolvedAt();
		this.timeliness = s.timeliness();
		this.resultRef = s.resultRef();
		this.returnedAt = s.returnedAt();
		this.returnChannel = s.returnChannel();
		this.version = s.version();
	}

	/**
	 * The plan of a new dossier: its procedure version, applicant, components and
	 * internal steps.
	 */
	public record Intake(String unitCode, String procedureCode, String procedureName, long procedureVersionId,
			ProcessingTime committedTime, LocalTime sameDayCutoff, Channel channel, Applicant applicant,
			List<SubmittedComponent> components, List<ProcessStep> process) {
	}

	/** A step of the procedure's internal process: name, role, allotted working hours. */
	public record ProcessStep(String name, Role role, double hours) {
	}

	/**
	 * Accepts a dossier at intake: due time from the committed time in the unit's working
	 * time, each step's due time one after the other from the receipt. A first step at
	 * the counter (the one-stop officer's receipt) is done at once by the receiving
	 * officer.
	 */
	static Dossier receive(String code, Intake intake, Actor actor, Instant now, WorkingCalendar calendar) {
		Instant due = calendar.dueAt(now, intake.committedTime(), intake.sameDayCutoff());
		List<DossierStep> steps = new ArrayList<>();
		Instant cursor = now;
		for (int i = 0; i < intake.process().size(); i++) {
			ProcessStep p = intake.process().get(i);
			Instant stepDue = calendar.plus(cursor, Duration.ofSeconds(Math.round(p.hours() * 3600)));
			steps.add(new DossierStep(i + 1, p.name(), p.role(), p.hours(), null, i == 0 ? now : null, stepDue, null,
					null, null));
			cursor = stepDue;
		}
		Dossier d = new Dossier(new State(null, code, intake.unitCode(), intake.procedureCode(), intake.procedureName(),
				intake.procedureVersionId(), intake.committedTime(), intake.sameDayCutoff(), intake.channel(),
				intake.applicant(), intake.components(), steps, now, due, DossierStatus.RECEIVED, null, due, 0, null, 0,
				false, 0, null, null, null, null, null, 0));
		d.newHistory.add(new HistoryEntry(now, actor.username(), "RECEIVE", null, DossierStatus.RECEIVED,
				"due " + due.atOffset(WorkingCalendar.ZONE)));
		DossierStep first = steps.get(0);
		if (first.role() == Role.ONE_STOP_OFFICER) {
			first.assign(actor.username());
			first.complete(now, actor.username());
			d.currentStep = 1;
			steps.get(1).start(now);
		}
		d.events.add(new DossierReceived(code, intake.unitCode(), intake.procedureCode(), intake.channel(), now, due));
		return d;
	}

	// ------------------------------------------------------------------ actions

	void assign(Actor actor, Officer assignee, String note, Instant now) {
		begin(DossierAction.ASSIGN);
		requireRole(actor, DossierAction.ASSIGN, Role.LEADER, Role.ONE_STOP_OFFICER);
		DossierStep step = current();
		requireAssignable(assignee, step);
		step.assign(assignee.username());
		moveTo(DossierAction.ASSIGN, statusOf(step), actor, now, join("assignee " + assignee.username(), note));
	}

	void forward(Actor actor, Officer nextAssignee, String note, Instant now) {
		begin(DossierAction.FORWARD);
		DossierStep step = current();
		requireAssigneeOr(actor, DossierAction.FORWARD, Role.LEADER);
		if (step.role() == Role.LEADER) {
			throw new Problem(Problem.Kind.CONFLICT, "LEADER_STEP", "The leader's step ends by approving or refusing",
					List.of(Problem.Violation.of("action", "use approve or refuse on the leader's step")));
		}
		if (this.currentStep + 1 >= this.steps.size()) {
			throw new Problem(Problem.Kind.CONFLICT, "LAST_STEP", "There is no further step to hand over to",
					List.of(Problem.Violation.of("action", "no next step")));
		}
		DossierStep next = this.steps.get(this.currentStep + 1);
		if (nextAssignee != null) {
			requireAssignable(nextAssignee, next);
		}
		step.complete(now, actor.username());
		this.currentStep++;
		next.start(now);
		if (nextAssignee != null) {
			next.assign(nextAssignee.username());
		}
		moveTo(DossierAction.FORWARD, statusOf(next), actor, now, join(
				"to step " + next.number() + (nextAssignee != null ? " (" + nextAssignee.username() + ")" : ""), note));
	}

	void sendBack(Actor actor, String note, Instant now) {
		begin(DossierAction.SEND_BACK);
		requireAssigneeOr(actor, DossierAction.SEND_BACK, Role.LEADER);
		requireText("note", note, "why the dossier goes back");
		if (this.currentStep == 0) {
			throw new Problem(Problem.Kind.CONFLICT, "FIRST_STEP", "The first step has no step before it",
					List.of(Problem.Violation.of("action", "no previous step")));
		}
		DossierStep back = this.steps.get(this.currentStep - 1);
		this.currentStep--;
		back.reopen(now);
		DossierStatus to = back.role() == Role.ONE_STOP_OFFICER && this.currentStep == 0 ? DossierStatus.RECEIVED
				: statusOf(back);
		moveTo(DossierAction.SEND_BACK, to, actor, now, join("to step " + back.number(), note));
	}

	void requestSupplement(Actor actor, String note, Instant now) {
		begin(DossierAction.REQUEST_SUPPLEMENT);
		requireAssigneeOr(actor, DossierAction.REQUEST_SUPPLEMENT, Role.LEADER, Role.ONE_STOP_OFFICER);
		requireText("note", note, "what the applicant must add");
		this.supplementRequests++;
		if (this.supplementRequests > 1) {
			// the law allows one request; a second one counts the dossier as late
			this.forcedLate = true;
		}
		this.pausedFrom = this.status;
		this.pauseStartedAt = now;
		moveTo(DossierAction.REQUEST_SUPPLEMENT, DossierStatus.WAITING_FOR_SUPPLEMENT, actor, now,
				join("request " + this.supplementRequests + (this.forcedLate ? " (late: more than one request)" : ""),
						note));
	}

	void supplementReceived(Actor actor, String note, Instant now, WorkingCalendar calendar, SupplementMode mode) {
		begin(DossierAction.SUPPLEMENT_RECEIVED);
		requireAssigneeOr(actor, DossierAction.SUPPLEMENT_RECEIVED, Role.LEADER, Role.ONE_STOP_OFFICER);
		Duration paused = calendar.workingTimeBetween(this.pauseStartedAt, now);
		Instant pauseStart = this.pauseStartedAt;
		if (mode == SupplementMode.PAUSE_ADDED) {
			this.dueAt = calendar.plus(this.dueAt, paused);
			for (DossierStep step : this.steps) {
				if (!step.isDone()) {
					step.moveDue(calendar.plus(step.dueAt(), paused));
				}
			}
		}
		else {
			this.dueAt = calendar.dueAt(now, this.committedTime, this.sameDayCutoff);
			Instant cursor = now;
			for (DossierStep step : this.steps) {
				if (!step.isDone()) {
					cursor = calendar.plus(cursor, Duration.ofSeconds(Math.round(step.hours() * 3600)));
					step.moveDue(cursor);
				}
			}
		}
		DossierStatus back = this.pausedFrom;
		this.pausedFrom = null;
		this.pauseStartedAt = null;
		moveTo(DossierAction.SUPPLEMENT_RECEIVED, back, actor, now,
				join("paused from " + pauseStart.atOffset(WorkingCalendar.ZONE) + " to "
						+ now.atOffset(WorkingCalendar.ZONE) + " (" + paused.toMinutes() + " working minutes), " + mode
						+ ": due " + this.dueAt.atOffset(WorkingCalendar.ZONE), note));
	}

	void approve(Actor actor, String note, Instant now) {
		begin(DossierAction.APPROVE);
		requireRole(actor, DossierAction.APPROVE, Role.LEADER);
		current().complete(now, actor.username());
		if (this.currentStep + 1 < this.steps.size()) {
			this.currentStep++;
			current().start(now);
		}
		moveTo(DossierAction.APPROVE, DossierStatus.APPROVED, actor, now, note);
	}

	void refuse(Actor actor, String reason, Instant now) {
		begin(DossierAction.REFUSE);
		requireRole(actor, DossierAction.REFUSE, Role.LEADER);
		requireText("reason", reason, "the reasons for refusing");
		resolve(now);
		moveTo(DossierAction.REFUSE, DossierStatus.REFUSED, actor, now, reason);
	}

	void apologize(Actor actor, String reason, Instant newDue, Instant now, WorkingCalendar calendar) {
		begin(DossierAction.APOLOGIZE);
		requireAssigneeOr(actor, DossierAction.APOLOGIZE, Role.LEADER, Role.ONE_STOP_OFFICER);
		requireText("reason", reason, "the reason for the delay");
		if (newDue == null) {
			throw Problem.invalid("INVALID_REQUEST", "newDueAt", "the new due time is required");
		}
		if (this.apologies > 0) {
			throw new Problem(Problem.Kind.CONFLICT, "APOLOGY_ALREADY_GIVEN",
					"The due time of dossier " + this.code + " was reset once already; it may be reset only once",
					List.of(Problem.Violation.of("action", "a dossier gets one apology and one new due time")));
		}
		Duration left = calendar.workingTimeBetween(now, this.dueAt);
		Duration oneDay = Duration.ofSeconds(calendar.hours().daySeconds());
		if (left.compareTo(oneDay) < 0) {
			throw new Problem(Problem.Kind.CONFLICT, "APOLOGY_TOO_LATE",
					"An apology must come at least one working day before the due time "
							+ this.dueAt.atOffset(WorkingCalendar.ZONE) + "; " + left.toMinutes()
							+ " working minutes are left",
					List.of(Problem.Violation.of("action", "less than one working day before the due time")));
		}
		if (!newDue.isAfter(this.dueAt)) {
			throw Problem.invalid("INVALID_REQUEST", "newDueAt",
					"must be after the current due time " + this.dueAt.atOffset(WorkingCalendar.ZONE));
		}
		Instant old = this.dueAt;
		this.apologies++;
		this.dueAt = newDue;
		moveTo(DossierAction.APOLOGIZE, this.status, actor, now, join(
				"due " + old.atOffset(WorkingCalendar.ZONE) + " → " + newDue.atOffset(WorkingCalendar.ZONE), reason));
	}

	void stop(Actor actor, String note, Instant now) {
		end(DossierAction.STOP, DossierStatus.STOPPED, actor, note, now);
	}

	void withdraw(Actor actor, String note, Instant now) {
		end(DossierAction.WITHDRAW, DossierStatus.WITHDRAWN, actor, note, now);
	}

	private void end(DossierAction action, DossierStatus to, Actor actor, String note, Instant now) {
		begin(action);
		requireRole(actor, action, Role.ONE_STOP_OFFICER, Role.LEADER);
		resolve(now);
		moveTo(action, to, actor, now, note);
	}

	void recordResult(Actor actor, String resultRef, Instant now) {
		begin(DossierAction.RECORD_RESULT);
		requireAssigneeOr(actor, DossierAction.RECORD_RESULT, Role.LEADER, Role.ONE_STOP_OFFICER);
		requireText("resultRef", resultRef, "a reference to the result document");
		if (resultRef.length() > 300) {
			throw Problem.invalid("INVALID_REQUEST", "resultRef", "must be at most 300 characters");
		}
		this.resultRef = resultRef.strip();
		resolve(now);
		moveTo(DossierAction.RECORD_RESULT, DossierStatus.RESULT_READY, actor, now, this.resultRef);
	}

	void returnResult(Actor actor, ReturnChannel channel, String note, Instant now) {
		begin(DossierAction.RETURN_RESULT);
		requireRole(actor, DossierAction.RETURN_RESULT, Role.ONE_STOP_OFFICER, Role.LEADER);
		if (channel == null) {
			throw Problem.invalid("INVALID_REQUEST", "channel",
					"how the result was returned: COUNTER, POST, ELECTRONIC");
		}
		for (DossierStep step : this.steps) {
			if (!step.isDone()) {
				if (step.startedAt() == null) {
					step.start(now);
				}
				step.complete(now, actor.username());
			}
		}
		this.currentStep = this.steps.size() - 1;
		this.returnedAt = now;
		this.returnChannel = channel;
		moveTo(DossierAction.RETURN_RESULT, DossierStatus.RETURNED, actor, now, join(channel.name(), note));
	}

	// ------------------------------------------------------------------ rules

	/**
	 * Readers must work at the dossier's unit (or above it, for supervisors: see the
	 * service).
	 */
	void requireVisibleTo(Actor actor) {
		if (!actor.worksAt(this.unitCode)) {
			throw DossierNotFound.forCode(this.code);
		}
	}

	private void begin(DossierAction action) {
		DossierTransitions.check(action, this.status, this.code);
	}

	private void requireRole(Actor actor, DossierAction action, Role... roles) {
		requireVisibleTo(actor);
		for (Role role : roles) {
			if (actor.can(role, this.unitCode)) {
				return;
			}
		}
		throw NotAllowed.to(action, this.code, List.of(roles), false);
	}

	private void requireAssigneeOr(Actor actor, DossierAction action, Role... roles) {
		requireVisibleTo(actor);
		DossierStep step = current();
		if (step.assignee() != null && step.assignee().equals(actor.username()) && actor.worksAt(this.unitCode)) {
			return;
		}
		for (Role role : roles) {
			if (actor.can(role, this.unitCode)) {
				return;
			}
		}
		throw NotAllowed.to(action, this.code, List.of(roles), true);
	}

	private void requireAssignable(Officer officer, DossierStep step) {
		if (!officer.unitCode().equals(this.unitCode) || !officer.has(step.role())) {
			throw Problem.invalid("ASSIGNEE_INVALID", "assignee", "'" + officer.username() + "' is not a " + step.role()
					+ " of unit " + this.unitCode + ", as step " + step.number() + " needs");
		}
	}

	private static void requireText(String field, String text, String what) {
		if (text == null || text.isBlank()) {
			throw Problem.invalid("INVALID_REQUEST", field, "is required: " + what);
		}
		if (text.length() > 2000) {
			throw Problem.invalid("INVALID_REQUEST", field, "must be at most 2000 characters");
		}
	}

	private DossierStep current() {
		return this.steps.get(Math.min(this.currentStep, this.steps.size() - 1));
	}

	private static DossierStatus statusOf(DossierStep step) {
		return step.role() == Role.LEADER ? DossierStatus.AWAITING_APPROVAL : DossierStatus.IN_PROCESSING;
	}

	/**
	 * Processing is over: timeliness is fixed against the due time (a second supplement
	 * request: late).
	 */
	private void resolve(Instant now) {
		this.resolvedAt = now;
		this.timeliness = this.forcedLate ? Timeliness.LATE : Timeliness.judge(now, this.dueAt, WorkingCalendar.ZONE);
	}

	private void moveTo(DossierAction action, DossierStatus to, Actor actor, Instant now, String note) {
		DossierStatus from = this.status;
		this.status = DossierTransitions.target(action, to);
		this.newHistory.add(new HistoryEntry(now, actor.username(), action.name(), from, to, note));
		this.events.add(new DossierStatusChanged(this.code, this.unitCode, action, from, to, now, actor.username()));
		if (to.isResolved() && !from.isResolved()) {
			this.events.add(new DossierResolved(this.code, this.unitCode, this.procedureCode, to, this.timeliness,
					this.receivedAt, this.dueAt, now));
		}
	}

	private static String join(String a, String b) {
		return b == null || b.isBlank() ? a : a + " — " + b.strip();
	}

	// ------------------------------------------------------------------ reading

	/**
	 * Whether an open dossier is past its due time now (a paused one is not, unless
	 * already late).
	 */
	public boolean isOverdue(Instant now) {
		if (this.status.isResolved()) {
			return false;
		}
		return this.forcedLate || (this.status != DossierStatus.WAITING_FOR_SUPPLEMENT && now.isAfter(this.dueAt));
	}

	public State state() {
		return new State(this.id, this.code, this.unitCode, this.procedureCode, this.procedureName,
				this.procedureVersionId, this.committedTime, this.sameDayCutoff, this.channel, this.applicant,
				this.components, this.steps, this.receivedAt, this.originalDueAt, this.status, this.pausedFrom,
				this.dueAt, this.supplementRequests, this.pauseStartedAt, this.apologies, this.forcedLate,
				this.currentStep, this.resolvedAt, this.timeliness, this.resultRef, this.returnedAt, this.returnChannel,
				this.version);
	}

	/**
	 * A copy of the state that shares nothing that changes: later actions on this dossier
	 * leave it as it is.
	 */
	State snapshot() {
		State s = state();
		return new State(s.id(), s.code(), s.unitCode(), s.procedureCode(), s.procedureName(), s.procedureVersionId(),
				s.committedTime(), s.sameDayCutoff(), s.channel(), s.applicant(), List.copyOf(s.components()),
				s.steps().stream().map(DossierStep::copy).toList(), s.receivedAt(), s.originalDueAt(), s.status(),
				s.pausedFrom(), s.dueAt(), s.supplementRequests(), s.pauseStartedAt(), s.apologies(), s.forcedLate(),
				s.currentStep(), s.resolvedAt(), s.timeliness(), s.resultRef(), s.returnedAt(), s.returnChannel(),
				s.version());
	}

	/** History entries added since the dossier was loaded, to append. */
	List<HistoryEntry> newHistory() {
		return List.copyOf(this.newHistory);
	}

	/** Events recorded since the dossier was loaded, to publish. */
	List<Object> events() {
		return List.copyOf(this.events);
	}

	void stored(long id, int version) {
		this.id = id;
		this.version = version;
		this.newHistory.clear();
		this.events.clear();
	}

	public Long id() {
		return this.id;
	}

	public String code() {
		return this.code;
	}

	public String unitCode() {
		return this.unitCode;
	}

	public DossierStatus status() {
		return this.status;
	}

	public Instant dueAt() {
		return this.dueAt;
	}

	public Instant receivedAt() {
		return this.receivedAt;
	}

	public Timeliness timeliness() {
		return this.timeliness;
	}

	public List<DossierStep> steps() {
		return this.steps;
	}

	public int version() {
		return this.version;
	}

	public boolean forcedLate() {
		return this.forcedLate;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Dossier d && Objects.equals(this.code, d.code);
	}

	@Override
	public int hashCode() {
		return this.code.hashCode();
	}

}
