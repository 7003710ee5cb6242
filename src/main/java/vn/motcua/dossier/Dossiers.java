package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.internal.DossierCodes;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;
import vn.motcua.shared.Problem.Violation;
import vn.motcua.shared.VietnameseText;

/** The one-stop shop's dossiers: intake, actions, look-ups and lists. */
@Service
public class Dossiers {

	/** The most a page of a list may hold. */
	public static final int MAX_PAGE_SIZE = 200;

	private final DossierStore store;

	private final DossierCodes codes;

	private final Catalog catalog;

	private final Units units;

	private final Officers officers;

	private final Calendars calendars;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RecentDossiers recent;

	Dossiers(DossierStore store, DossierCodes codes, Catalog catalog, Units units, Officers officers,
			Calendars calendars, ApplicationEventPublisher events, Clock clock, RecentDossiers recent) {
		this.recent = recent;
		this.store = store;
		this.codes = codes;
		this.catalog = catalog;
		this.units = units;
		this.officers = officers;
		this.calendars = calendars;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What the counter hands in: the procedure, the applicant, the components, and the
	 * officer's decision.
	 */
	public record IntakeRequest(String unitCode, String procedureCode, Channel channel, Applicant applicant,
			List<SubmittedComponent> components, boolean refuse, String refusalReason) {
	}

	/**
	 * The intake's outcome: the new dossier, or what is missing, or why it was refused.
	 */
	public record IntakeResult(IntakeOutcome outcome, DossierView dossier, List<String> missing, String reason) {
	}

	/** What an action carries; each action reads the parts it needs. */
	public record ActionRequest(String assignee, String note, String reason, Instant newDueAt, String resultRef,
			ReturnChannel channel, Integer version) {
	}

	/** A list's filters; {@code dueSoon} means due within the next working day. */
	public record Query(String unitCode, DossierStatus status, Boolean overdue, boolean dueSoon, String assignee,
			Instant receivedFrom, Instant receivedTo, int page, int size) {
	}

	/**
	 * A citizen's online submission: the same completeness check as at the counter, with
	 * the channel ONLINE and the applicant's ID number from the verified sign-in (not
	 * from the form). Recorded as received by {@code online:<ID number>}.
	 */
	@Transactional
	public IntakeResult submitOnline(String verifiedIdNumber, IntakeRequest request) {
		if (verifiedIdNumber == null || verifiedIdNumber.isBlank()) {
			throw new Problem(Problem.Kind.FORBIDDEN, NotAllowed.CODE, "Online submission needs a verified identity",
					List.of(Violation.of("applicant.idNumber", "sign in with VNeID first")));
		}
		Unit unit = this.units.get("unitCode", request.unitCode());
		Applicant applicant = request.applicant() == null ? null
				: new Applicant(request.applicant().name(), verifiedIdNumber, request.applicant().phone(),
						request.applicant().email(), request.applicant().address());
		return online("online:" + verifiedIdNumber, unit, applicant, request);
	}

	/**
	 * An online submission whose applicant proved they hold the e-mail address, by a code
	 * sent to it; the ID number is the applicant's word. Recorded as received by
	 * {@code online:<e-mail>}.
	 */
	@Transactional
	public IntakeResult submitVerifiedByEmail(String verifiedEmail, IntakeRequest request) {
		Unit unit = this.units.get("unitCode", request.unitCode());
		Applicant applicant = request.applicant() == null ? null
				: new Applicant(request.applicant().name(), request.applicant().idNumber(), request.applicant().phone(),
						verifiedEmail, request.applicant().address());
		return online("online:" + verifiedEmail, unit, applicant, request);
	}

	private IntakeResult online(String by, Unit unit, Applicant applicant, IntakeRequest request) {
		Actor online = new Actor(by.length() > 60 ? by.substring(0, 60) : by, unit.code(),
				java.util.Set.of(Role.ONE_STOP_OFFICER));
		return intakeChecked(online, new IntakeRequest(unit.code(), request.procedureCode(), Channel.ONLINE, applicant,
				request.components(), false, null));
	}

	/**
	 * The applicant's details from their latest dossier at the unit, to fill the
	 * counter's form again.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Applicant> latestApplicant(Actor actor, String unitCode, String idNumber) {
		if (!actor.worksAt(unitCode) || idNumber == null || !idNumber.matches("[0-9]{9,12}")) {
			return java.util.Optional.empty();
		}
		return this.store.latestApplicant(unitCode, idNumber);
	}

	/**
	 * The dossiers whose applicant has this ID number, newest first, as their applicant
	 * may see them.
	 */
	@Transactional(readOnly = true)
	public List<PublicStatus> ofApplicant(String verifiedIdNumber) {
		Instant now = this.clock.instant();
		return this.store.ofApplicant(verifiedIdNumber).stream().map(s -> {
			Dossier d = new Dossier(s);
			return new PublicStatus(s.code(), s.unitCode(), s.procedureName(), s.status(), s.receivedAt(), s.dueAt(),
					d.isOverdue(now), s.timeliness(), s.returnedAt());
		}).toList();
	}

	@Transactional
	public IntakeResult intake(Actor actor, IntakeRequest request) {
		return intakeChecked(actor, request);
	}

	private IntakeResult intakeChecked(Actor actor, IntakeRequest request) {
		List<Violation> violations = new ArrayList<>();
		if (request.channel() == null) {
			violations.add(Violation.of("channel", "one of COUNTER, POST, ONLINE"));
		}
		if (request.applicant() == null || blank(request.applicant().name())) {
			violations.add(Violation.of("applicant.name", "must not be blank"));
		}
		if (request.procedureCode() == null || request.procedureCode().isBlank()) {
			violations.add(Violation.of("procedureCode", "must not be blank"));
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid("INVALID_REQUEST", "The intake has invalid fields", violations);
		}
		Unit unit = this.units.get("unitCode", request.unitCode());
		if (!actor.can(Role.ONE_STOP_OFFICER, unit.code()) && !actor.can(Role.LEADER, unit.code())) {
			throw new Problem(Problem.Kind.FORBIDDEN, NotAllowed.CODE,
					"Intake at unit " + unit.code() + " is for its one-stop officers and leaders",
					List.of(Violation.of("unitCode", "not your unit or role")));
		}
		Instant now = this.clock.instant();
		Procedure procedure = this.catalog.get(unit.code(), request.procedureCode(),
				LocalDate.ofInstant(now, WorkingCalendar.ZONE));
		ProcedureContent content = procedure.content();
		List<SubmittedComponent> submitted = request.components() == null ? List.of() : request.components();
		List<String> missing = missing(content, submitted);
		String applicantName = request.applicant().name().strip();
		if (request.refuse()) {
			if (blank(request.refusalReason())) {
				throw Problem.invalid("INVALID_REQUEST", "refusalReason", "is required when refusing at intake");
			}
			this.store.insertSlip(unit.code(), content.code(), IntakeOutcome.REFUSED.name(), applicantName,
					request.refusalReason().strip(), now, actor.username());
			return new IntakeResult(IntakeOutcome.REFUSED, null, List.of(), request.refusalReason().strip());
		}
		if (!missing.isEmpty()) {
			this.store.insertSlip(unit.code(), content.code(), IntakeOutcome.GUIDANCE.name(), applicantName,
					String.join("\n", missing), now, actor.username());
			return new IntakeResult(IntakeOutcome.GUIDANCE, null, missing, null);
		}
		WorkingCalendar calendar = this.calendars.forUnit(unit.code());
		String code = this.codes.next(unit.code(), LocalDate.ofInstant(now, WorkingCalendar.ZONE));
		Dossier dossier = Dossier.receive(code,
				new Dossier.Intake(unit.code(), content.code(), content.name(), procedure.versionId(),
						content.committedTime(), content.sameDayCutoff(), request.channel(), request.applicant(),
						submitted, process(content, unit.hours().hoursPerDay())),
				actor, now, calendar);
		save(dossier, true);
		return new IntakeResult(IntakeOutcome.ACCEPTED, DossierView.of(dossier, now), List.of(), null);
	}

	/**
	 * Checks handed-in components against the procedure's list.
	 * @return the mandatory components missing, as a guidance slip lists them
	 * @throws Problem naming each component that is not on the procedure's list
	 */
	static List<String> missing(ProcedureContent content, List<SubmittedComponent> submitted) {
		Map<String, ProcedureContent.Component> required = new java.util.LinkedHashMap<>();
		content.components().forEach(c -> required.put(VietnameseText.fold(c.name()), c));
		List<Violation> violations = new ArrayList<>();
		for (int i = 0; i < submitted.size(); i++) {
			SubmittedComponent c = submitted.get(i);
			if (c == null || blank(c.name()) || !required.containsKey(VietnameseText.fold(c.name()))) {
				violations
					.add(Violation.of("components[" + i + "].name", "is not a component of procedure " + content.code()
							+ "; its components are " + content.components().stream().map(x -> x.name()).toList()));
			}
			else if (c.originals() < 0 || c.copies() < 0) {
				violations.add(Violation.of("components[" + i + "]", "originals and copies must not be negative"));
			}
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid("INVALID_REQUEST", "The intake has invalid components", violations);
		}
		Map<String, SubmittedComponent> handed = new HashMap<>();
		submitted.forEach(s -> handed.put(VietnameseText.fold(s.name()), s));
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, ProcedureContent.Component> e : required.entrySet()) {
			ProcedureContent.Component c = e.getValue();
			SubmittedComponent s = handed.get(e.getKey());
			boolean handedIn = s != null && s.originals() >= c.originals() && s.copies() >= c.copies();
			if (c.mandatory() && !handedIn) {
				missing.add(c.name() + " (" + c.originals() + " bản chính, " + c.copies() + " bản sao)");
			}
		}
		return missing;
	}

	/**
	 * The mandatory components missing from an online submission, before a code is sent
	 * for it.
	 */
	@Transactional(readOnly = true)
	public List<String> missing(String unitCode, String procedureCode, List<SubmittedComponent> submitted) {
		return missing(this.catalog.get(unitCode, procedureCode, null).content(), submitted);
	}

	/**
	 * The procedure's internal process, or, where the catalog has none with a leader's
	 * step, the usual one: receipt, processing, the leader's approval, return, splitting
	 * the committed time.
	 */
	static List<Dossier.ProcessStep> process(ProcedureContent content, double hoursPerDay) {
		boolean hasLeader = content.steps().stream().anyMatch(s -> s.role() == Role.LEADER);
		if (hasLeader) {
			return content.steps().stream().map(s -> new Dossier.ProcessStep(s.name(), s.role(), s.hours())).toList();
		}
		double total = content.committedTime().inWorkingTime() ? content.committedTime().workingHours(hoursPerDay)
				: hoursPerDay;
		double receive = Math.min(0.5, total / 8);
		double approve = Math.max(0.5, Math.floor(total * 0.15 * 2) / 2);
		double back = Math.min(0.5, total / 8);
		double work = Math.max(0.5, total - receive - approve - back);
		return List.of(new Dossier.ProcessStep("Tiếp nhận, kiểm tra hồ sơ", Role.ONE_STOP_OFFICER, receive),
				new Dossier.ProcessStep("Thẩm định, xử lý hồ sơ", Role.SPECIALIST, work),
				new Dossier.ProcessStep("Phê duyệt, ký số kết quả", Role.LEADER, approve),
				new Dossier.ProcessStep("Trả kết quả", Role.ONE_STOP_OFFICER, back));
	}

	@Transactional
	public DossierView act(Actor actor, String code, DossierAction action, ActionRequest request) {
		Dossier dossier = this.recent.at(code, request.version());
		if (dossier == null) {
			dossier = this.store.find(code).orElseThrow(() -> DossierNotFound.forCode(code));
		}
		dossier.requireVisibleTo(actor);
		Instant now = this.clock.instant();
		if (request.version() != null && request.version() != dossier.version()) {
			throw new DossierChanged(DossierView.of(dossier, now));
		}
		switch (action) {
			case ASSIGN -> dossier.assign(actor, officer(request.assignee(), true), request.note(), now);
			case FORWARD -> dossier.forward(actor, officer(request.assignee(), false), request.note(), now);
			case SEND_BACK -> dossier.sendBack(actor, request.note(), now);
			case REQUEST_SUPPLEMENT -> dossier.requestSupplement(actor, request.note(), now);
			case SUPPLEMENT_RECEIVED ->
				dossier.supplementReceived(actor, request.note(), now, this.calendars.forUnit(dossier.unitCode()),
						this.units.get("unitCode", dossier.unitCode()).supplementMode());
			case APPROVE -> dossier.approve(actor, request.note(), now);
			case REFUSE -> dossier.refuse(actor, request.reason(), now);
			case APOLOGIZE -> dossier.apologize(actor, request.reason(), request.newDueAt(), now,
					this.calendars.forUnit(dossier.unitCode()));
			case STOP -> dossier.stop(actor, request.note(), now);
			case WITHDRAW -> dossier.withdraw(actor, request.note(), now);
			case RECORD_RESULT -> dossier.recordResult(actor, request.resultRef(), now);
			case RETURN_RESULT -> dossier.returnResult(actor, request.channel(), request.note(), now);
		}
		save(dossier, false);
		return DossierView.of(dossier, now);
	}

	private Officer officer(String username, boolean required) {
		if (blank(username)) {
			if (required) {
				throw Problem.invalid("INVALID_REQUEST", "assignee", "is required");
			}
			return null;
		}
		return this.officers.find(username)
			.orElseThrow(() -> Problem.invalid("ASSIGNEE_INVALID", "assignee", "no officer '" + username + "'"));
	}

	private void save(Dossier dossier, boolean isNew) {
		List<HistoryEntry> history = dossier.newHistory();
		List<Object> recorded = dossier.events();
		if (isNew) {
			dossier.stored(this.store.insert(dossier, history), 0);
		}
		else if (this.store.update(dossier, history)) {
			dossier.stored(dossier.id(), dossier.version() + 1);
		}
		else {
			Dossier current = this.store.find(dossier.code()).orElseThrow();
			throw new DossierChanged(DossierView.of(current, this.clock.instant()));
		}
		recorded.forEach(this.events::publishEvent);
		this.recent.written(dossier);
	}

	/**
	 * Whether the actor may read the unit's dossiers: its own officers, the
	 * administrator, and a supervisor of a unit above it (the city, a People's Council
	 * delegation).
	 */
	public boolean mayRead(Actor actor, String unitCode) {
		if (actor.worksAt(unitCode)) {
			return true;
		}
		return actor.roles().contains(Role.SUPERVISOR) && actor.unitCode() != null
				&& this.units.lineage(unitCode).stream().anyMatch(u -> u.code().equals(actor.unitCode()));
	}

	private void requireReadable(Actor actor, Dossier dossier) {
		if (!mayRead(actor, dossier.unitCode())) {
			throw DossierNotFound.forCode(dossier.code());
		}
	}

	@Transactional(readOnly = true)
	public DossierView get(Actor actor, String code) {
		Dossier dossier = this.store.find(code).orElseThrow(() -> DossierNotFound.forCode(code));
		requireReadable(actor, dossier);
		return DossierView.of(dossier, this.clock.instant());
	}

	/**
	 * The status of a dossier for its applicant, who proves it with the last four digits
	 * of the ID number or the phone number given at intake. A wrong code and wrong digits
	 * answer alike, so that codes cannot be probed.
	 */
	@Transactional(readOnly = true)
	public PublicStatus lookup(String code, String lastDigits) {
		Dossier dossier = this.store.find(code).orElseThrow(() -> DossierNotFound.forCode(code));
		if (lastDigits == null || !lastDigits.matches("[0-9]{4}")
				|| !(endsWith(dossier.state().applicant().idNumber(), lastDigits)
						|| endsWith(dossier.state().applicant().phone(), lastDigits))) {
			throw DossierNotFound.forCode(code);
		}
		Dossier.State s = dossier.state();
		return new PublicStatus(s.code(), s.unitCode(), s.procedureName(), s.status(), s.receivedAt(), s.dueAt(),
				dossier.isOverdue(this.clock.instant()), s.timeliness(), s.returnedAt());
	}

	private static boolean endsWith(String number, String digits) {
		return number != null && number.replaceAll("[^0-9]", "").endsWith(digits);
	}

	@Transactional(readOnly = true)
	public List<HistoryEntry> history(Actor actor, String code) {
		Dossier dossier = this.store.find(code).orElseThrow(() -> DossierNotFound.forCode(code));
		requireReadable(actor, dossier);
		return this.store.history(dossier.id());
	}

	@Transactional(readOnly = true)
	public Page<DossierSummary> search(Actor actor, Query query) {
		Unit unit = this.units.get("unit", query.unitCode());
		if (!mayRead(actor, unit.code())) {
			throw new Problem(Problem.Kind.FORBIDDEN, NotAllowed.CODE,
					"You may list only your own unit's dossiers, or, as a supervisor, those of the units below yours",
					List.of(Violation.of("unit", "not your unit")));
		}
		if (query.page() < 0) {
			throw Problem.invalid("PAGE_INVALID", "page", "must not be negative");
		}
		if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
			throw Problem.invalid("PAGE_INVALID", "size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		Instant now = this.clock.instant();
		Instant dueBefore = query.dueSoon()
				? this.calendars.forUnit(unit.code()).plus(now, Duration.ofSeconds(unit.hours().daySeconds())) : null;
		DossierStore.Page page = this.store.search(new DossierStore.Filter(unit.code(), query.status(), query.overdue(),
				dueBefore, blank(query.assignee()) ? null : query.assignee(), query.receivedFrom(), query.receivedTo(),
				now, query.page(), query.size()));
		List<DossierSummary> items = page.items().stream().map(s -> {
			Dossier d = new Dossier(s);
			return new DossierSummary(s.code(), s.procedureCode(), s.procedureName(), s.applicant().name(), s.status(),
					s.receivedAt(), s.dueAt(), d.isOverdue(now), s.timeliness());
		}).toList();
		return new Page<>(items, query.page(), query.size(), page.total(), page.totalCapped());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
