package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.core.DossierPermissions;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.IdNumbers;
import vn.motcua.dossier.core.LookupProof;
import vn.motcua.dossier.core.NotAllowed;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.Problem.Violation;

/**
 * Reading dossiers: one dossier and its history for who may read it, a unit's lists, an
 * applicant's own dossiers, and the public look-up by code.
 */
@Service
public class DossierQueries {

	/** The most a page of a list may hold. */
	public static final int MAX_PAGE_SIZE = 200;

	/**
	 * A list's filters; {@code dueSoon} means due within the next working day;
	 * {@code text} finds dossiers by a part of their code, their applicant's name (any
	 * case, with or without accents), ID number or phone (see {@link SearchText});
	 * {@code procedureCode} keeps one procedure's. Null parts do not filter. Lists are in
	 * order of urgency: overdue first, the longest overdue first, then open by due time,
	 * then the closed ones, newest first.
	 */
	public record Query(String unitCode, DossierStatus status, Boolean overdue, boolean dueSoon, String assignee,
			Instant receivedFrom, Instant receivedTo, String text, String procedureCode, int page, int size) {

		public Query(String unitCode, DossierStatus status, Boolean overdue, boolean dueSoon, String assignee,
				Instant receivedFrom, Instant receivedTo, int page, int size) {
			this(unitCode, status, overdue, dueSoon, assignee, receivedFrom, receivedTo, null, null, page, size);
		}

	}

	/** The longest procedure code a list filters by (the column's length). */
	static final int MAX_PROCEDURE_CODE = 60;

	/** Characters no code or username holds (PostgreSQL refuses U+0000 in text). */
	private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

	private final Dossiers dossiers;

	private final DossierLists lists;

	private final Units units;

	private final Calendars calendars;

	private final Officers officers;

	private final Clock clock;

	private final DossierReads reads;

	/** Citizens' look-ups, by outcome. */
	private final Counter found;

	private final Counter notFound;

	DossierQueries(Dossiers dossiers, DossierLists lists, Units units, Calendars calendars, Officers officers,
			Clock clock, DossierReads reads, MeterRegistry meters) {
		this.reads = reads;
		this.found = meters.counter("motcua.lookups", "outcome", "found");
		this.notFound = meters.counter("motcua.lookups", "outcome", "not-found");
		this.dossiers = dossiers;
		this.lists = lists;
		this.units = units;
		this.calendars = calendars;
		this.officers = officers;
		this.clock = clock;
	}

	/**
	 * Whether the actor may read the unit's dossiers: its own officers, the
	 * administrator, and a supervisor of a unit above it.
	 */
	public boolean mayRead(Actor actor, String unitCode) {
		return DossierPermissions.mayRead(actor, unitCode,
				this.units.lineage(unitCode).stream().map(Unit::code).toList());
	}

	/** The dossier, with its officers' full names. */
	@Transactional
	public DossierView get(Actor actor, String code) {
		Dossier dossier = readable(actor, code);
		this.reads.record(actor, dossier.code(), DossierReads.What.DOSSIER, null);
		return DossierView.of(dossier, this.clock.instant(), new FullNames(this.officers));
	}

	/** What happened to the dossier, oldest first, with the officers' full names. */
	@Transactional
	public List<HistoryEntry> history(Actor actor, String code) {
		FullNames names = new FullNames(this.officers);
		Dossier dossier = readable(actor, code);
		this.reads.record(actor, dossier.code(), DossierReads.What.HISTORY, null);
		return this.dossiers.history(dossier.state().id).stream().map(h -> h.named(names)).toList();
	}

	/**
	 * Checks that the actor may read the dossier and records the read of one of its
	 * files.
	 * @throws DossierNotFound when there is no such dossier the actor may read
	 */
	@Transactional
	public void readFile(Actor actor, String code, long fileId) {
		Dossier dossier = readable(actor, code);
		this.reads.record(actor, dossier.code(), DossierReads.What.FILE, fileId);
	}

	private Dossier readable(Actor actor, String code) {
		Dossier dossier = this.dossiers.find(code).orElseThrow(() -> DossierNotFound.forCode(code));
		if (!mayRead(actor, dossier.unitCode())) {
			throw DossierNotFound.forCode(code);
		}
		return dossier;
	}

	/**
	 * An intake slip (guidance or refusal), for the officers of its unit; any other
	 * reader is told there is none, as for a dossier.
	 */
	@Transactional(readOnly = true)
	public IntakeSlip slip(Actor actor, long id) {
		return this.dossiers.findSlip(id)
			.filter(slip -> actor.worksAt(slip.unitCode()))
			.orElseThrow(() -> Problem.notFound(ProblemCode.NOT_FOUND, "slip",
					"No intake slip " + id + " that you may see"));
	}

	/**
	 * The dossier as the forms issued for it print it, with its officers' full names:
	 * read by the system when an event asks for a form (the forms module), for nobody in
	 * particular, so neither checked against a reader nor audited as a read. Whoever is
	 * then given the form is checked by the forms module ({@link #mayRead}, or the
	 * applicant's own dossiers).
	 */
	@Transactional(readOnly = true)
	public Optional<DossierView> asIssued(String code) {
		return this.dossiers.find(code).map(d -> DossierView.of(d, this.clock.instant(), new FullNames(this.officers)));
	}

	/**
	 * An intake slip as its form prints it, read by the system (see {@link #asIssued}).
	 */
	@Transactional(readOnly = true)
	public Optional<IntakeSlip> slipAsIssued(long id) {
		return this.dossiers.findSlip(id);
	}

	/**
	 * The status of a dossier for its applicant, who proves it (see LookupProof). A wrong
	 * code and a wrong proof answer alike, so that codes cannot be probed.
	 */
	@Transactional(readOnly = true)
	public PublicStatus lookup(String code, String lastDigits) {
		DossierLists.Proven found = this.lists.forLookup(code)
			.filter(p -> LookupProof.holds(lastDigits, p.idNumber(), p.phone()))
			.orElse(null);
		(found == null ? this.notFound : this.found).increment();
		if (found == null) {
			throw DossierNotFound.forCode(code);
		}
		return PublicStatus.of(found.row(), found.notices(), this.clock.instant());
	}

	/**
	 * The dossiers whose applicant has this ID number, newest first, as their applicant
	 * may see them.
	 */
	@Transactional(readOnly = true)
	public List<PublicStatus> ofApplicant(String verifiedIdNumber) {
		Instant now = this.clock.instant();
		return this.lists.ofApplicant(verifiedIdNumber)
			.stream()
			.map(p -> PublicStatus.of(p.row(), p.notices(), now))
			.toList();
	}

	/**
	 * The applicant's details from their latest dossier at the unit, to fill the
	 * counter's form again.
	 */
	@Transactional(readOnly = true)
	public Optional<Applicant> latestApplicant(Actor actor, String unitCode, String idNumber) {
		if (!actor.worksAt(unitCode) || !IdNumbers.isIdNumber(idNumber)) {
			return Optional.empty();
		}
		return this.lists.latestApplicant(unitCode, idNumber);
	}

	@Transactional(readOnly = true)
	public Page<DossierSummary> search(Actor actor, Query query) {
		Unit unit = this.units.get("unit", query.unitCode());
		if (!mayRead(actor, unit.code())) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"You may list only your own unit's dossiers, or, as a supervisor, those of the units below yours",
					List.of(Violation.of("unit", "not your unit")));
		}
		if (query.page() < 0) {
			throw Problem.invalid(ProblemCode.PAGE_INVALID, "page", "must not be negative");
		}
		if (query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
			throw Problem.invalid(ProblemCode.PAGE_INVALID, "size", "must be between 1 and " + MAX_PAGE_SIZE);
		}
		if (query.text() != null && query.text().length() > SearchText.MAX_LENGTH) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "q",
					"must be at most " + SearchText.MAX_LENGTH + " characters");
		}
		if (query.procedureCode() != null && (query.procedureCode().length() > MAX_PROCEDURE_CODE
				|| CONTROL.matcher(query.procedureCode()).find())) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "procedure",
					"must be at most " + MAX_PROCEDURE_CODE + " characters, without control characters");
		}
		if (query.assignee() != null && CONTROL.matcher(query.assignee()).find()) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "assignee", "must not hold control characters");
		}
		Instant now = this.clock.instant();
		return list(filter(unit, query, now), now, namesAt(unit.code()));
	}

	/** The list's filter, without what earlier queues hold. */
	DossierLists.Filter filter(Unit unit, Query query, Instant now) {
		return filter(unit, query, Set.of(), null, now);
	}

	/**
	 * The list's filter; {@code notStatuses} and {@code notAssignee} leave out what an
	 * officer's earlier queues hold.
	 */
	DossierLists.Filter filter(Unit unit, Query query, Set<DossierStatus> notStatuses, String notAssignee,
			Instant now) {
		Instant dueBefore = query.dueSoon()
				? this.calendars.forUnit(unit.code()).plus(now, Duration.ofSeconds(unit.hours().daySeconds())) : null;
		String assignee = query.assignee() == null || query.assignee().isBlank() ? null : query.assignee();
		String procedure = query.procedureCode() == null || query.procedureCode().isBlank() ? null
				: query.procedureCode().strip();
		return new DossierLists.Filter(unit.code(), query.status(), query.overdue(), dueBefore, assignee,
				query.receivedFrom(), query.receivedTo(), SearchText.terms(query.text()), procedure, notStatuses,
				notAssignee, now, query.page(), query.size());
	}

	/**
	 * A page of the list, with the assignees' full names and the days overdue, each
	 * counted on the calendar of the dossier's receipt day (ADR 13); for an online
	 * submission not received yet, of today (it is received today if at all).
	 */
	Page<DossierSummary> list(DossierLists.Filter filter, Instant now, FullNames names) {
		DossierLists.Page page = this.lists.search(filter);
		return new Page<>(page.items()
			.stream()
			.map(r -> DossierSummary.of(r, now, names,
					row -> this.calendars.forUnit(row.unitCode(),
							LocalDate.ofInstant(row.receivedAt() != null ? row.receivedAt() : now,
									WorkingCalendar.ZONE))))
			.toList(), filter.page(), filter.size(), page.total(), page.totalCapped());
	}

	/** The full names of a unit's officers, for its lists. */
	FullNames namesAt(String unitCode) {
		return new FullNames(this.officers, this.officers.ofUnit(unitCode));
	}

}
