package vn.motcua.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogQuery;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierQueues;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;

/**
 * The officers' queues and the search across their unit's dossiers. The home page lists
 * an officer's queues, each dossier in one of them only, most urgent first (see
 * {@link vn.motcua.dossier.core.Queue}); the search finds a dossier by its code, its
 * applicant's name, ID number or phone, with filters by status, procedure and period
 * received, a page at a time.
 */
@Controller
class QueuePageController {

	/** How many dossiers each queue shows on the home page. */
	static final int QUEUE_SIZE = 10;

	/** How many dossiers a page of search results shows. */
	static final int PAGE_SIZE = 20;

	/** The longest search text (as the search takes it). */
	static final int MAX_TEXT = 200;

	/**
	 * The search form as typed; kept as text so that a wrong date comes back as it was
	 * typed, with its message beside it.
	 */
	record SearchForm(String q, String status, String procedure, String from, String to, String unit, String page) {

		SearchForm {
			q = q == null ? "" : q;
			status = status == null ? "" : status;
			procedure = procedure == null ? "" : procedure;
			from = from == null ? "" : from;
			to = to == null ? "" : to;
			unit = unit == null ? "" : unit;
		}

		/** The page asked for, from 0; anything else than a page number is the first. */
		int pageNumber() {
			try {
				return this.page == null ? 0 : Math.max(0, Math.min(100_000, Integer.parseInt(this.page.strip())));
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

	}

	private final DossierQueues queues;

	private final DossierQueries dossiers;

	private final Officers officers;

	private final Units units;

	private final Catalog catalog;

	QueuePageController(DossierQueues queues, DossierQueries dossiers, Officers officers, Units units,
			Catalog catalog) {
		this.queues = queues;
		this.dossiers = dossiers;
		this.officers = officers;
		this.units = units;
		this.catalog = catalog;
	}

	@GetMapping("/can-bo")
	String home(Authentication user, Model model, java.util.Locale locale) {
		Actor actor = this.officers.actor(user);
		if (actor.isAdministrator()) {
			model.addAttribute("administrator", true);
			model.addAttribute("wards", this.units.withOneStopShop());
			return "workspace/home";
		}
		model.addAttribute("queues", this.queues.of(actor, QUEUE_SIZE));
		model.addAttribute("officer", this.officers.find(actor.username()).orElseThrow());
		model.addAttribute("unit", this.units.get("unit", actor.unitCode()));
		model.addAttribute("fmt", new Formats.Bound(locale));
		model.addAttribute("form", new SearchForm(null, null, null, null, null, null, null));
		return "workspace/home";
	}

	@GetMapping("/can-bo/ho-so")
	String search(@ModelAttribute("form") SearchForm form, Authentication user, Model model, java.util.Locale locale,
			HttpServletResponse response) {
		Actor actor = this.officers.actor(user);
		model.addAttribute("fmt", new Formats.Bound(locale));
		if (actor.isAdministrator()) {
			model.addAttribute("administrator", true);
			return "workspace/search";
		}
		List<Unit> searchable = searchableUnits(actor);
		Unit unit = searchable.stream()
			.filter(u -> u.code().equals(form.unit()))
			.findFirst()
			.orElse(searchable.isEmpty() ? null : searchable.get(0));
		model.addAttribute("units", searchable);
		model.addAttribute("statuses", DossierStatus.values());
		if (unit == null) {
			return "workspace/search";
		}
		model.addAttribute("unit", unit);
		model.addAttribute("procedures", procedures(unit.code()));

		Map<String, String> errors = new LinkedHashMap<>();
		if (form.q().length() > MAX_TEXT) {
			errors.put("q", "queue.search.error.q");
		}
		DossierStatus status = null;
		if (!form.status().isBlank()) {
			try {
				status = DossierStatus.valueOf(form.status());
			}
			catch (IllegalArgumentException ex) {
				errors.put("status", "queue.search.error.status");
			}
		}
		LocalDate from = day(form.from(), "from", errors);
		LocalDate to = day(form.to(), "to", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.put("to", "queue.search.error.period");
		}
		if (form.procedure().length() > 60) {
			errors.put("procedure", "queue.search.error.procedure");
		}
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "workspace/search";
		}
		Instant receivedFrom = from == null ? null : from.atStartOfDay(WorkingCalendar.ZONE).toInstant();
		Instant receivedTo = to == null ? null : to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
		Page<DossierSummary> results = this.dossiers.search(actor,
				new DossierQueries.Query(unit.code(), status, null, false, null, receivedFrom, receivedTo,
						blankToNull(form.q()), blankToNull(form.procedure()), form.pageNumber(), PAGE_SIZE));
		model.addAttribute("results", results);
		return "workspace/search";
	}

	/**
	 * The units whose dossiers the actor searches: their own, or, for a supervisor, the
	 * wards and communes below theirs.
	 */
	private List<Unit> searchableUnits(Actor actor) {
		if (actor.unitCode() == null) {
			return List.of();
		}
		if (actor.roles().contains(Role.SUPERVISOR)) {
			List<Unit> wards = new ArrayList<>();
			for (Unit u : this.units.descendants(actor.unitCode())) {
				if (u.level() == UnitLevel.WARD || u.level() == UnitLevel.COMMUNE) {
					wards.add(u);
				}
			}
			return wards;
		}
		return List.of(this.units.get("unit", actor.unitCode()));
	}

	/** The unit's procedures in force, by name, for the filter. */
	private List<ProcedureSummary> procedures(String unitCode) {
		return this.catalog.search(new CatalogQuery(unitCode, null, null, null, null, 0, Catalog.MAX_PAGE_SIZE))
			.items()
			.stream()
			.sorted(Comparator.comparing(ProcedureSummary::name))
			.toList();
	}

	/** A day typed dd/MM/yyyy, or null when blank; a wrong one is noted in the errors. */
	private static LocalDate day(String text, String field, Map<String, String> errors) {
		if (text.isBlank()) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.strip(), Formats.DAY);
			if (day.getYear() < WorkingCalendar.FIRST_YEAR || day.getYear() > WorkingCalendar.LAST_YEAR) {
				errors.put(field, "queue.search.error.date");
				return null;
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "queue.search.error.date");
			return null;
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
