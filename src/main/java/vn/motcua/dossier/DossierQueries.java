package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.Calendars;
import vn.motcua.dossier.core.DossierPermissions;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.IdNumbers;
import vn.motcua.dossier.core.LookupProof;
import vn.motcua.dossier.core.NotAllowed;
import vn.motcua.org.Actor;
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

	/** A list's filters; {@code dueSoon} means due within the next working day. */
	public record Query(String unitCode, DossierStatus status, Boolean overdue, boolean dueSoon, String assignee,
			Instant receivedFrom, Instant receivedTo, int page, int size) {
	}

	private final Dossiers dossiers;

	private final DossierLists lists;

	private final Units units;

	private final Calendars calendars;

	private final Clock clock;

	DossierQueries(Dossiers dossiers, DossierLists lists, Units units, Calendars calendars, Clock clock) {
		this.dossiers = dossiers;
		this.lists = lists;
		this.units = units;
		this.calendars = calendars;
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

	@Transactional(readOnly = true)
	public DossierView get(Actor actor, String code) {
		return DossierView.of(readable(actor, code), this.clock.instant());
	}

	@Transactional(readOnly = true)
	public List<HistoryEntry> history(Actor actor, String code) {
		return this.dossiers.history(readable(actor, code).state().id);
	}

	private Dossier readable(Actor actor, String code) {
		Dossier dossier = this.dossiers.find(code).orElseThrow(() -> DossierNotFound.forCode(code));
		if (!mayRead(actor, dossier.unitCode())) {
			throw DossierNotFound.forCode(code);
		}
		return dossier;
	}

	/**
	 * The status of a dossier for its applicant, who proves it (see LookupProof). A wrong
	 * code and a wrong proof answer alike, so that codes cannot be probed.
	 */
	@Transactional(readOnly = true)
	public PublicStatus lookup(String code, String lastDigits) {
		DossierLists.Proven found = this.lists.forLookup(code)
			.filter(p -> LookupProof.holds(lastDigits, p.idNumber(), p.phone()))
			.orElseThrow(() -> DossierNotFound.forCode(code));
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
		Instant now = this.clock.instant();
		Instant dueBefore = query.dueSoon()
				? this.calendars.forUnit(unit.code()).plus(now, Duration.ofSeconds(unit.hours().daySeconds())) : null;
		String assignee = query.assignee() == null || query.assignee().isBlank() ? null : query.assignee();
		DossierLists.Page page = this.lists.search(new DossierLists.Filter(unit.code(), query.status(), query.overdue(),
				dueBefore, assignee, query.receivedFrom(), query.receivedTo(), now, query.page(), query.size()));
		return new Page<>(page.items().stream().map(r -> DossierSummary.of(r, now)).toList(), query.page(),
				query.size(), page.total(), page.totalCapped());
	}

}
