package vn.motcua.dossier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.core.FeeInputs;
import vn.motcua.catalog.core.Fees;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.core.ApplicantRules;
import vn.motcua.dossier.core.Completeness;
import vn.motcua.dossier.core.DossierPermissions;
import vn.motcua.dossier.core.NotAllowed;
import vn.motcua.dossier.core.ProcessPlan;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.dossier.internal.DossierCodes;
import vn.motcua.org.Actor;
import vn.motcua.org.Role;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitSettings;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.VietnameseText;
import vn.motcua.shared.Problem.Violation;

/**
 * Intake (tiếp nhận): at the counter, by post, and online. The components handed in are
 * checked against the procedure's list; a complete dossier gets its code, its due time,
 * its process plan and the unit's rules of the day, and its scans are kept in the same
 * transaction: all of it, or, when anything fails, none of it. A complete online
 * submission gets its code at once but is not received: it waits for the one-stop
 * officer's check (chờ tiếp nhận, ADR 15), which {@link DossierActions} takes.
 */
@Service
public class DossierIntake {

	/** The longest refusal reason the slip keeps. */
	static final int REASON_MAX = 4000;

	/**
	 * What the counter hands in: the procedure, the applicant, the components, and the
	 * officer's decision.
	 */
	public record IntakeRequest(String unitCode, String procedureCode, Channel channel, Applicant applicant,
			List<SubmittedComponent> components, boolean refuse, String refusalReason, FeeInputs fee) {

		/** An intake whose fee needs nothing said: one copy, one page, no group. */
		public IntakeRequest(String unitCode, String procedureCode, Channel channel, Applicant applicant,
				List<SubmittedComponent> components, boolean refuse, String refusalReason) {
			this(unitCode, procedureCode, channel, applicant, components, refuse, refusalReason, null);
		}

	}

	/**
	 * The intake's outcome: the new dossier, or what is missing, or why it was refused,
	 * with the id of the slip that records it ({@link DossierQueries#slip}).
	 */
	public record IntakeResult(IntakeOutcome outcome, DossierView dossier, List<String> missing, String reason,
			Long slipId) {

		public IntakeResult(IntakeOutcome outcome, DossierView dossier, List<String> missing, String reason) {
			this(outcome, dossier, missing, reason, null);
		}

	}

	/**
	 * What accepting a complete dossier of the procedure now would give, before the
	 * counter accepts it: the version in force today (its components and fees) and the
	 * due time, counted exactly as the intake counts it.
	 */
	public record Quote(Procedure procedure, Instant receivedAt, Instant dueAt) {
	}

	/**
	 * The terms of an intake at a unit now: the instant, its day in Vietnam, the
	 * procedure's version in force that day and the unit's calendar of that day (its
	 * hours and weekend, ADR 13).
	 */
	private record Terms(Instant now, LocalDate today, Procedure procedure, WorkingCalendar calendar) {

		Instant dueAt() {
			ProcedureContent content = this.procedure.content();
			return Dossier.dueAt(this.now, content.committedTime(), content.sameDayCutoff(), this.calendar);
		}

	}

	private final Dossiers dossiers;

	private final DossierCodes codes;

	private final Catalog catalog;

	private final Units units;

	private final Calendars calendars;

	private final DossierFiles files;

	private final Clock clock;

	private final ProcessPlan defaultPlan;

	private final IntakeCheckTime checkTime;

	DossierIntake(Dossiers dossiers, DossierCodes codes, Catalog catalog, Units units, Calendars calendars,
			DossierFiles files, Clock clock, IntakeCheckTime checkTime,
			@Value("${motcua.dossier.default-process:classpath:dossier/default-process.txt}") Resource defaultPlan) {
		this.checkTime = checkTime;
		this.dossiers = dossiers;
		this.codes = codes;
		this.catalog = catalog;
		this.units = units;
		this.calendars = calendars;
		this.files = files;
		this.clock = clock;
		try {
			this.defaultPlan = ProcessPlan.parse(defaultPlan.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the default process plan " + defaultPlan, ex);
		}
	}

	/**
	 * An intake at the counter (or of a dossier that came by post), with the scans made
	 * of its components.
	 */
	@Transactional
	public IntakeResult intake(Actor actor, IntakeRequest request, List<Scan> scans) {
		// the officer saw the applicant's card: their data store may be drawn on
		return take(actor, request, scans, null, false, true);
	}

	/**
	 * A citizen's online submission: the same completeness check as at the counter, with
	 * the channel ONLINE and the applicant's ID number from the verified sign-in (not
	 * from the form); a complete one waits for the one-stop officer's check. Recorded as
	 * submitted by {@code online:<ID number>}.
	 */
	@Transactional
	public IntakeResult submitOnline(String verifiedIdNumber, IntakeRequest request, List<Scan> scans) {
		if (verifiedIdNumber == null || verifiedIdNumber.isBlank()) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Online submission needs a verified identity",
					List.of(Violation.of("applicant.idNumber", "sign in with VNeID first")));
		}
		Applicant a = request.applicant();
		return online("online:" + verifiedIdNumber, request,
				a == null ? null : new Applicant(a.name(), verifiedIdNumber, a.phone(), a.email(), a.address()), scans,
				null, true);
	}

	/**
	 * An online submission whose applicant proved they hold the e-mail address; its scans
	 * wait under {@code pendingKey}; a complete one waits for the one-stop officer's
	 * check. Recorded as submitted by {@code online:<e-mail>}.
	 */
	IntakeResult submitVerifiedByEmail(String verifiedEmail, IntakeRequest request, String pendingKey) {
		Applicant a = request.applicant();
		return online("online:" + verifiedEmail, request,
				a == null ? null : new Applicant(a.name(), a.idNumber(), a.phone(), verifiedEmail, a.address()),
				List.of(), pendingKey, false);
	}

	private IntakeResult online(String by, IntakeRequest request, Applicant applicant, List<Scan> scans,
			String pendingKey, boolean idVouched) {
		Unit unit = this.units.get("unitCode", request.unitCode());
		Actor online = new Actor(by.length() > 60 ? by.substring(0, 60) : by, unit.code(),
				Set.of(Role.ONE_STOP_OFFICER));
		return take(online, new IntakeRequest(unit.code(), request.procedureCode(), Channel.ONLINE, applicant,
				request.components(), false, null, request.fee()), scans, pendingKey, true, idVouched);
	}

	/**
	 * The procedure's version in force at the unit now and the due time of a dossier of
	 * it accepted now, for the counter to show before accepting.
	 * @throws vn.motcua.catalog.ProcedureNotFound when the unit has no such procedure in
	 * force
	 */
	@Transactional(readOnly = true)
	public Quote quote(String unitCode, String procedureCode) {
		Terms terms = terms(this.units.get("unitCode", unitCode), procedureCode);
		return new Quote(terms.procedure(), terms.now(), terms.dueAt());
	}

	private Terms terms(Unit unit, String procedureCode) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
		return new Terms(now, today, this.catalog.get(unit.code(), procedureCode, today),
				this.calendars.forUnit(unit.code(), today));
	}

	/**
	 * The mandatory components missing from a submission, before a code is sent for it.
	 */
	@Transactional(readOnly = true)
	public List<String> missing(String unitCode, String procedureCode, List<SubmittedComponent> submitted) {
		return Completeness.missing(this.catalog.get(unitCode, procedureCode, null).content(), submitted);
	}

	/**
	 * The intake check; a complete dossier is received ({@code online} false: the officer
	 * at the counter checked it) or waits for the one-stop officer's check
	 * ({@code online} true). {@code idVouched}: the applicant's ID number was seen on
	 * their card or comes from a verified sign-in, so that their data store is drawn on
	 * and filled.
	 */
	private IntakeResult take(Actor actor, IntakeRequest request, List<Scan> scans, String pendingKey, boolean online,
			boolean idVouched) {
		List<Violation> violations = new ArrayList<>();
		if (request.channel() == null) {
			violations.add(Violation.of("channel", "one of COUNTER, POST, ONLINE"));
		}
		Applicant given = request.applicant() == null ? new Applicant(null, null, null, null, null)
				: request.applicant();
		violations.addAll(ApplicantRules.check(strip(given.name()), strip(given.idNumber()), strip(given.phone()),
				strip(given.email()), strip(given.address()), false, false));
		if (blank(request.procedureCode())) {
			violations.add(Violation.of("procedureCode", "must not be blank"));
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "The intake has invalid fields", violations);
		}
		// stored as checked: stripped, the phone in its national form
		request = new IntakeRequest(request.unitCode(), request.procedureCode(), request.channel(),
				new Applicant(strip(given.name()), strip(given.idNumber()), ApplicantRules.phone(strip(given.phone())),
						strip(given.email()), strip(given.address())),
				request.components(), request.refuse(), request.refusalReason(), request.fee());
		Unit unit = this.units.get("unitCode", request.unitCode());
		if (!DossierPermissions.mayReceive(actor, unit.code())) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Intake at unit " + unit.code() + " is for its one-stop officers and leaders",
					List.of(Violation.of("unitCode", "not your unit or role")));
		}
		// files are checked before anything is saved; a dossier that came by post had no
		// card seen: its applicant's data store is neither drawn on nor filled
		String vouched = idVouched && request.channel() != Channel.POST ? request.applicant().idNumber() : null;
		scans.forEach(scan -> this.files.check(scan, vouched));
		Terms terms = terms(unit, request.procedureCode());
		Instant now = terms.now();
		LocalDate today = terms.today();
		Procedure procedure = terms.procedure();
		ProcedureContent content = procedure.content();
		for (Scan scan : scans) {
			if (scan.component() == null || content.components()
				.stream()
				.noneMatch(c -> VietnameseText.fold(c.name()).equals(VietnameseText.fold(scan.component())))) {
				throw Problem.invalid(ProblemCode.FILE_INVALID, scan.field(),
						"'" + scan.component() + "' is not a component of procedure " + content.code());
			}
		}
		List<SubmittedComponent> submitted = request.components() == null ? List.of() : request.components();
		List<String> missing = Completeness.missing(content, submitted);
		// what the fee is counted from is checked here, against the procedure in force,
		// before anything is kept; a refusal needs none of it
		FeeInputs feeInputs = request.fee() == null ? FeeInputs.NONE : request.fee();
		if (!request.refuse()) {
			requireFeeInputs(content, feeInputs);
		}
		if (request.refuse()) {
			if (blank(request.refusalReason())) {
				throw Problem.invalid(ProblemCode.INVALID_REQUEST, "refusalReason",
						"is required when refusing at intake");
			}
			if (request.refusalReason().length() > REASON_MAX || ApplicantRules.hasControl(request.refusalReason())) {
				throw Problem.invalid(ProblemCode.INVALID_REQUEST, "refusalReason",
						"at most " + REASON_MAX + " characters, no control characters");
			}
			long slip = this.dossiers.insertSlip(unit.code(), content, IntakeOutcome.REFUSED, request.applicant(),
					request.refusalReason().strip(), now, actor.username());
			return new IntakeResult(IntakeOutcome.REFUSED, null, List.of(), request.refusalReason().strip(), slip);
		}
		if (!missing.isEmpty()) {
			long slip = this.dossiers.insertSlip(unit.code(), content, IntakeOutcome.GUIDANCE, request.applicant(),
					String.join("\n", missing), now, actor.username());
			return new IntakeResult(IntakeOutcome.GUIDANCE, null, missing, null, slip);
		}
		// the dossier is judged by the unit's settings of the day it is received
		UnitSettings settings = this.units.settingsOn(unit.code(), today);
		// an online submission gets its code now, as on the national portal (ADR 15)
		String code = this.codes.next(unit.code(), today);
		Dossier.Intake intake = new Dossier.Intake(unit.code(), content.code(), content.name(), procedure.versionId(),
				content.committedTime(), content.sameDayCutoff(), request.channel(), request.applicant(), submitted,
				this.defaultPlan.forProcedure(content, settings.hours().hoursPerDay()), settings.supplementMode(),
				fee(content, feeInputs));
		WorkingCalendar calendar = terms.calendar();
		Dossier dossier = online ? Dossier.submit(code, intake, actor.username(), now, calendar, this.checkTime.get())
				: Dossier.receive(code, intake, actor, now, calendar);
		this.dossiers.save(dossier);
		if (!scans.isEmpty()) {
			this.files.keep(code, vouched, scans, actor.username());
		}
		if (pendingKey != null) {
			this.files.attach(pendingKey, code);
		}
		return new IntakeResult(online ? IntakeOutcome.SUBMITTED : IntakeOutcome.ACCEPTED, DossierView.of(dossier, now),
				List.of(), null);
	}

	/**
	 * Checks what the fee of a submission is counted from against the procedure in force
	 * at the unit, before a code is sent for it.
	 * @throws Problem invalid (FEE_INPUT_INVALID), naming each wrong input
	 */
	@Transactional(readOnly = true)
	public void checkFee(String unitCode, String procedureCode, FeeInputs inputs) {
		requireFeeInputs(this.catalog.get(unitCode, procedureCode, null).content(),
				inputs == null ? FeeInputs.NONE : inputs);
	}

	/**
	 * The one check of what a fee is counted from (copies, pages, exempted group) against
	 * the procedure's fees: only what they need.
	 */
	private static void requireFeeInputs(ProcedureContent content, FeeInputs inputs) {
		List<Violation> violations = Fees.check(content.fees(), inputs);
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.FEE_INPUT_INVALID, "What the fee is counted from is wrong", violations);
		}
	}

	/**
	 * The fee of a dossier of the procedure for the inputs (checked), or null when the
	 * procedure lists no fees.
	 */
	static DossierFee fee(ProcedureContent content, FeeInputs inputs) {
		if (content.fees().isEmpty()) {
			return null;
		}
		Fees.Amount amount = Fees.amount(content.fees(), inputs);
		return new DossierFee(amount.total(), content.feeStage(), null, null, amount.lines(), inputs.applicantGroup());
	}

	/**
	 * The process plan of a dossier of the procedure, at a unit of so many hours a day.
	 */
	List<ProcessPlan.Step> plan(ProcedureContent content, double hoursPerDay) {
		return this.defaultPlan.forProcedure(content, hoursPerDay);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
