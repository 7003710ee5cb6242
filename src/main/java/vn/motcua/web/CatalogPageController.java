package vn.motcua.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogQuery;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitNotFound;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;

/**
 * The public catalog: search and filter by field, and a page per procedure that tells a
 * citizen what to do.
 */
@Controller
class CatalogPageController {

	static final int PAGE_SIZE = 20;

	private final Catalog catalog;

	private final Units units;

	private final Calendars calendars;

	private final Clock clock;

	private final String defaultUnit;

	CatalogPageController(Catalog catalog, Units units, Calendars calendars, Clock clock,
			@Value("${motcua.web.default-unit:}") String defaultUnit) {
		this.catalog = catalog;
		this.units = units;
		this.calendars = calendars;
		this.clock = clock;
		this.defaultUnit = defaultUnit;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/thu-tuc";
	}

	@GetMapping("/thu-tuc")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
			@RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<Unit> wards = this.units.withOneStopShop();
		Unit selected = selectedUnit(unit, wards);
		model.addAttribute("wards", wards);
		model.addAttribute("unit", selected);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("field", field == null ? "" : field);
		if (selected != null) {
			Page<ProcedureSummary> results = this.catalog
				.search(new CatalogQuery(selected.code(), q, field, null, null, Math.max(0, page), PAGE_SIZE));
			model.addAttribute("results", results);
			model.addAttribute("fields", this.catalog.fields(selected.code()));
			model.addAttribute("counts", this.catalog.counts(selected.code()));
		}
		return htmx != null ? "catalog/list :: results" : "catalog/list";
	}

	@GetMapping("/thu-tuc/{code}")
	String detail(@PathVariable String code, @RequestParam(required = false) String unit, Model model, Locale locale) {
		Unit selected = selectedUnit(unit, this.units.withOneStopShop());
		if (selected == null) {
			throw UnitNotFound.forCode("unit", unit);
		}
		Procedure procedure = this.catalog.get(selected.code(), code, null);
		ProcedureContent content = procedure.content();
		WorkingCalendar calendar = this.calendars.forUnit(selected.code());
		Instant now = this.clock.instant();
		LocalTime cutoff = content.sameDayCutoff();
		model.addAttribute("unit", selected);
		model.addAttribute("hours", selected.hours().display());
		model.addAttribute("procedure", procedure);
		model.addAttribute("p", content);
		model.addAttribute("cutPercent",
				content.statutoryTime().cutPercent(content.committedTime(), selected.hours().hoursPerDay()));
		model.addAttribute("dueIfNow", Formats.dateTime(calendar.dueAt(now, content.committedTime(), cutoff), locale));
		model.addAttribute("posted", procedure.postedOn(this.catalog.today()));
		return "catalog/detail";
	}

	private Unit selectedUnit(String requested, List<Unit> wards) {
		if (requested != null && !requested.isBlank()) {
			return this.units.get("unit", requested);
		}
		return wards.stream()
			.filter(w -> w.code().equals(this.defaultUnit))
			.findFirst()
			.orElse(wards.isEmpty() ? null : wards.get(0));
	}

}
