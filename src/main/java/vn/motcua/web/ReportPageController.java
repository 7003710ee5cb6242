package vn.motcua.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.reporting.ExportJob;
import vn.motcua.reporting.KpiBreakdown;
import vn.motcua.reporting.KpiDossier;
import vn.motcua.reporting.KpiDossiers;
import vn.motcua.reporting.KpiExports;
import vn.motcua.reporting.KpiFigures;
import vn.motcua.reporting.KpiMeasure;
import vn.motcua.reporting.KpiReport;
import vn.motcua.reporting.KpiSelection;
import vn.motcua.reporting.Kpis;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;

/**
 * The officers' dashboards (ADR 31): a ward's on-time trend by month, by field and by
 * channel, and for a unit with units below it (a city) the same over all of them plus a
 * ranking of its wards by on-time rate; each chart beside its data table, every number a
 * link to the dossiers behind it, with XLSX downloads. Readable by whom the KPIs are: the
 * unit's officers, the administrator, the supervisors above it.
 */
@Controller
class ReportPageController {

	/** How many dossiers a page of a list shows. */
	static final int PAGE_SIZE = 50;

	private final Kpis kpis;

	private final KpiDossiers dossiers;

	private final KpiExports exports;

	private final Officers officers;

	private final Units units;

	private final Clock clock;

	ReportPageController(Kpis kpis, KpiDossiers dossiers, KpiExports exports, Officers officers, Units units,
			Clock clock) {
		this.kpis = kpis;
		this.dossiers = dossiers;
		this.exports = exports;
		this.officers = officers;
		this.units = units;
		this.clock = clock;
	}

	/**
	 * The period as asked: a quick choice ({@code nam}, {@code quy}, {@code thang}: this
	 * year, quarter, month) or {@code tuy-chon} with its days as typed, kept as text so
	 * that a wrong day comes back with its message beside it.
	 */
	record PeriodForm(String unit, String period, String from, String to) {

		PeriodForm {
			unit = unit == null ? "" : unit.strip();
			from = from == null ? "" : from.strip();
			to = to == null ? "" : to.strip();
			// days typed mean those days, whatever quick choice was left selected
			period = (!from.isEmpty() || !to.isEmpty()) && !"tuy-chon".equals(period)
					&& (period == null || period.isBlank() || "nam".equals(period.strip())) ? "tuy-chon"
							: period == null || period.isBlank() ? "nam" : period.strip();
		}

	}

	/** The period chosen, or null with the errors said. */
	record Period(LocalDate from, LocalDate to) {
	}

	@GetMapping("/can-bo/bao-cao")
	String dashboard(@ModelAttribute("form") PeriodForm form, Authentication user, Model model, Locale locale,
			HttpServletResponse response) {
		Actor actor = this.officers.actor(user);
		List<Unit> choices = choices(actor);
		Unit unit = unit(actor, form.unit(), choices);
		this.kpis.readable(actor, unit.code());
		boolean city = !this.units.children(unit.code()).isEmpty();
		model.addAttribute("unit", unit);
		model.addAttribute("units", choices);
		model.addAttribute("city", city);
		Map<String, String> errors = new LinkedHashMap<>();
		Period period = period(form, errors);
		model.addAttribute("errors", errors);
		if (period == null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "reports/dashboard";
		}
		LocalDate from = period.from();
		LocalDate to = period.to();
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("fmt", new Formats.Bound(locale));
		KpiReport total = this.kpis.report(actor, unit.code(), from, to, city, null);
		model.addAttribute("total", total);
		model.addAttribute("byMonth", this.kpis.report(actor, unit.code(), from, to, city, KpiBreakdown.MONTH));
		model.addAttribute("byField", this.kpis.report(actor, unit.code(), from, to, city, KpiBreakdown.FIELD));
		model.addAttribute("byChannel", this.kpis.report(actor, unit.code(), from, to, city, KpiBreakdown.CHANNEL));
		if (city) {
			KpiReport byUnit = this.kpis.report(actor, unit.code(), from, to, true, KpiBreakdown.UNIT);
			// the wards, best on-time rate first; those that resolved nothing last
			List<KpiReport.Row> ranking = new ArrayList<>(
					byUnit.rows().stream().filter(r -> !r.key().equals(unit.code())).toList());
			ranking.sort(Comparator
				.comparing((KpiReport.Row r) -> r.figures().onTimeRate() == null ? -1.0 : r.figures().onTimeRate())
				.reversed()
				.thenComparing(KpiReport.Row::label));
			model.addAttribute("ranking", ranking);
		}
		model.addAttribute("links", new Links(unit.code(), from, to, city));
		model.addAttribute("measures", KpiMeasure.values());
		return "reports/dashboard";
	}

	@GetMapping("/can-bo/bao-cao/ho-so")
	String dossiers(@ModelAttribute("list") ListForm list, Authentication user, Model model, Locale locale) {
		Actor actor = this.officers.actor(user);
		KpiSelection selection = list.selection();
		Page<KpiDossier> page = this.dossiers.page(actor, selection, list.pageNumber(), PAGE_SIZE);
		model.addAttribute("unit", this.kpis.readable(actor, selection.unit()));
		model.addAttribute("selection", selection);
		model.addAttribute("results", page);
		model.addAttribute("fmt", new Formats.Bound(locale));
		model.addAttribute("direct", page.total() <= this.exports.directLimit());
		model.addAttribute("links", new Links(selection.unit(), selection.from(), selection.to(), selection.subtree()));
		return "reports/dossiers";
	}

	/** A list's selection as the links give it. */
	record ListForm(String unit, LocalDate from, LocalDate to, Boolean subtree, String measure, String by, String key,
			String page) {

		KpiSelection selection() {
			return new KpiSelection(this.unit, this.from, this.to, Boolean.TRUE.equals(this.subtree),
					KpiMeasure.parse(this.measure), KpiBreakdown.parse(this.by),
					this.key == null || this.key.isBlank() ? null : this.key.strip());
		}

		int pageNumber() {
			try {
				return this.page == null ? 0 : Math.max(0, Math.min(100_000, Integer.parseInt(this.page.strip())));
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}

	}

	@GetMapping("/can-bo/bao-cao/xuat/chi-tieu")
	ResponseEntity<byte[]> exportKpis(@ModelAttribute("list") ListForm list, Authentication user) {
		if (list.from() == null || list.to() == null) {
			throw Problem.invalid(vn.motcua.shared.ProblemCode.INVALID_PARAMETER, "from", "the period");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exports.report(this.officers.actor(user), list.unit(), list.from(), list.to(),
				Boolean.TRUE.equals(list.subtree()), out);
		return xlsx(KpiExports.filename(list.unit(), list.from(), list.to()), out.toByteArray());
	}

	@GetMapping("/can-bo/bao-cao/xuat/ho-so")
	ResponseEntity<byte[]> exportDossiers(@ModelAttribute("list") ListForm list, Authentication user) {
		KpiSelection selection = list.selection();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exports.dossiers(this.officers.actor(user), selection, out);
		return xlsx(KpiExports.filename(selection), out.toByteArray());
	}

	@PostMapping("/can-bo/bao-cao/xuat/ho-so")
	String startExport(@ModelAttribute("list") ListForm list, Authentication user) {
		ExportJob job = this.exports.start(this.officers.actor(user), list.selection());
		return "redirect:/can-bo/bao-cao/xuat/" + job.id();
	}

	@GetMapping("/can-bo/bao-cao/xuat/{id}")
	String export(@PathVariable String id, Authentication user, Model model, Locale locale) {
		model.addAttribute("job", this.exports.job(this.officers.actor(user), id));
		model.addAttribute("fmt", new Formats.Bound(locale));
		return "reports/export";
	}

	/** The progress bar alone, for htmx to poll. */
	@GetMapping("/can-bo/bao-cao/xuat/{id}/tien-do")
	String exportProgress(@PathVariable String id, Authentication user, Model model) {
		model.addAttribute("job", this.exports.job(this.officers.actor(user), id));
		return "reports/export :: progress";
	}

	@GetMapping("/can-bo/bao-cao/xuat/{id}/tep")
	ResponseEntity<InputStreamResource> exportFile(@PathVariable String id, Authentication user) {
		Actor actor = this.officers.actor(user);
		ExportJob job = this.exports.job(actor, id);
		InputStream content = this.exports.file(actor, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(KpiExports.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(job.filename()))
			.body(new InputStreamResource(content));
	}

	/**
	 * The links of a dashboard's numbers to their dossiers, and of its downloads, for
	 * templates: {@code ${links.dossiers('resolvedLate', 'month', '2026-03')}}.
	 */
	record Links(String unit, LocalDate from, LocalDate to, boolean subtree) {

		public String dossiers(String measure) {
			return dossiers(measure, null, null);
		}

		public String dossiers(String measure, String by, String key) {
			UriComponentsBuilder b = base("/can-bo/bao-cao/ho-so").queryParam("measure", measure);
			if (by != null) {
				b.queryParam("by", by).queryParam("key", key);
			}
			return b.encode().build().toUriString();
		}

		/** The number a measure has in the figures. */
		public long figure(String measure, KpiFigures figures) {
			return KpiMeasure.parse(measure).of(figures);
		}

		public String exportKpis() {
			return base("/can-bo/bao-cao/xuat/chi-tieu").encode().build().toUriString();
		}

		private UriComponentsBuilder base(String path) {
			UriComponentsBuilder b = UriComponentsBuilder.fromPath(path)
				.queryParam("unit", this.unit)
				.queryParam("from", this.from)
				.queryParam("to", this.to);
			if (this.subtree) {
				b.queryParam("subtree", true);
			}
			return b;
		}

	}

	/**
	 * The units the actor may pick: theirs and those below it; all for the administrator.
	 */
	private List<Unit> choices(Actor actor) {
		List<Unit> choices = new ArrayList<>();
		if (actor.isAdministrator() || actor.unitCode() == null) {
			choices.addAll(this.units.all());
			return choices;
		}
		Unit own = this.units.get("unit", actor.unitCode());
		choices.add(own);
		if (actor.roles().contains(Role.SUPERVISOR)) {
			choices.addAll(this.units.descendants(own.code()));
		}
		return choices;
	}

	/**
	 * The unit asked for (any the actor may read, checked by the reports), or the first
	 * choice.
	 */
	private Unit unit(Actor actor, String code, List<Unit> choices) {
		if (!code.isBlank()) {
			return this.units.get("unit", code);
		}
		return choices.stream()
			.filter(u -> u.parentCode() == null || !actor.isAdministrator())
			.findFirst()
			.orElseThrow(() -> Problem.notFound(vn.motcua.shared.ProblemCode.UNIT_NOT_FOUND, "unit", "no unit"));
	}

	/** The period of the form, from today in Vietnam; null with errors when wrong. */
	private Period period(PeriodForm form, Map<String, String> errors) {
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE));
		switch (form.period()) {
			case "thang" -> {
				return new Period(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
			}
			case "quy" -> {
				LocalDate start = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
				return new Period(start, start.plusMonths(3).minusDays(1));
			}
			case "tuy-chon" -> {
				LocalDate from = Formats.parseDay(form.from());
				LocalDate to = Formats.parseDay(form.to());
				if (from == null) {
					errors.put("from", form.from().isBlank() ? "report.error.dayMissing" : "report.error.day");
				}
				if (to == null) {
					errors.put("to", form.to().isBlank() ? "report.error.dayMissing" : "report.error.day");
				}
				if (from != null && to != null) {
					if (to.isBefore(from)) {
						errors.put("to", "report.error.order");
					}
					else if (to.isAfter(from.plusYears(Kpis.MAX_YEARS))) {
						errors.put("to", "report.error.long");
					}
					else if (from.getYear() < 1900) {
						errors.put("from", "report.error.day");
					}
					else if (to.getYear() > 2199) {
						errors.put("to", "report.error.day");
					}
				}
				return errors.isEmpty() ? new Period(from, to) : null;
			}
			default -> {
				return new Period(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()));
			}
		}
	}

	private static ResponseEntity<byte[]> xlsx(String filename, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(KpiExports.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(filename))
			.body(content);
	}

	private static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
	}

}
