package vn.motcua.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.org.Actor;
import vn.motcua.org.NewUnit;
import vn.motcua.org.NewUnitSettings;
import vn.motcua.org.SupplementMode;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.UnitSettings;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.WorkingHours;

/**
 * The administration's units: the tree of the units one administers, registering a unit,
 * and a unit's page with its settings versions and a form for a new version from tomorrow
 * (ADR 13). The rules are {@link Units}'; this reads the forms and words the problems.
 */
@Controller
class UnitAdminPageController {

	/** A unit to register, as typed; blank settings take the common defaults. */
	record UnitForm(String code, String parentCode, String unitName, UnitLevel level, String address, String phone,
			@Email(message = "{admin.unit.email.invalid}") String email, String workingHours, List<DayOfWeek> weekend,
			String sameDayCutoff, SupplementMode supplementMode) {

		static UnitForm blank(String parentCode) {
			return new UnitForm("", parentCode, "", null, "", "", "", WorkingHours.STANDARD.display(),
					List.copyOf(NewUnit.DEFAULT_WEEKEND), NewUnit.DEFAULT_CUTOFF.toString(),
					SupplementMode.PAUSE_ADDED);
		}

	}

	/** A new settings version, as typed. */
	record SettingsForm(String effectiveFrom, String workingHours, List<DayOfWeek> weekend, String sameDayCutoff,
			SupplementMode supplementMode) {

		static SettingsForm from(LocalDate day, UnitSettings in) {
			return new SettingsForm(day.toString(), in.hours().display(), List.copyOf(in.weekend()),
					in.sameDayCutoff().toString(), in.supplementMode());
		}

	}

	static final List<String> UNIT_INPUTS = List.of("code", "parentCode", "unitName", "level", "address", "phone",
			"email", "workingHours", "weekend", "sameDayCutoff", "supplementMode");

	static final List<String> SETTINGS_INPUTS = List.of("effectiveFrom", "workingHours", "weekend", "sameDayCutoff",
			"supplementMode");

	private final AdminPages pages;

	private final Units units;

	private final ProblemMessages problems;

	private final MessageSource messages;

	private final Clock clock;

	UnitAdminPageController(AdminPages pages, Units units, ProblemMessages problems, MessageSource messages,
			Clock clock) {
		this.pages = pages;
		this.units = units;
		this.problems = problems;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/quan-tri")
	String home(Authentication user, Model model) {
		Actor actor = this.pages.actor(user);
		model.addAttribute("rows", this.pages.tree(actor));
		model.addAttribute("mayRegister", this.pages.mayRegister(actor));
		return "admin/home";
	}

	@GetMapping("/quan-tri/don-vi/moi")
	String newUnit(@RequestParam(required = false) String parent, Authentication user, Model model) {
		Actor actor = this.pages.actor(user);
		if (!this.pages.mayRegister(actor)) {
			throw AdminPages.forbidden("No unit of " + actor.username() + " may have units below");
		}
		return unitForm(actor, UnitForm.blank(parent), null, model);
	}

	@PostMapping("/quan-tri/don-vi")
	String register(@Valid @ModelAttribute("form") UnitForm form, BindingResult binding, Authentication user,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Actor actor = this.pages.actor(user);
		List<FormErrors.Error> read = new ArrayList<>();
		WorkingHours hours = hours(form.workingHours(), read, locale);
		LocalTime cutoff = time(form.sameDayCutoff(), read, locale);
		FormErrors errors = this.problems.errors(binding, locale).and(new FormErrors(read));
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return unitForm(actor, form, errors, model);
		}
		try {
			Unit unit = this.units.register(actor,
					new NewUnit(strip(form.code()), blankToNull(form.parentCode()), form.unitName(), form.level(),
							form.address(), form.phone(), form.email(), hours, weekend(form.weekend()), cutoff,
							form.supplementMode()));
			redirect.addFlashAttribute("done", "admin.unit.registered");
			return "redirect:/quan-tri/don-vi/" + unit.code();
		}
		catch (Problem ex) {
			AdminPages.status(ex, response);
			FormErrors problem = this.problems.errors(ex, locale, UNIT_INPUTS, Map.of("name", "unitName"));
			if (problem.has("code") && this.units.find(strip(form.code())).isPresent()) {
				// the code is well formed and taken: say so, rather than how codes read
				problem = problem.replacing("code", text("admin.unit.code.taken", locale));
			}
			return unitForm(actor, form, problem, model);
		}
	}

	private String unitForm(Actor actor, UnitForm form, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("parents", this.pages.possibleParents(actor));
		model.addAttribute("topLevel", actor.isAdministrator());
		model.addAttribute("levels", UnitLevel.values());
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("supplementModes", SupplementMode.values());
		return "admin/unit-new";
	}

	@GetMapping("/quan-tri/don-vi/{code}")
	String unit(@PathVariable String code, Authentication user, Model model, Locale locale) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		LocalDate tomorrow = today().plusDays(1);
		return unitPage(actor, unit, SettingsForm.from(tomorrow, this.units.settingsOn(code, tomorrow)), null, model,
				locale);
	}

	@PostMapping("/quan-tri/don-vi/{code}/cau-hinh")
	String addSettings(@PathVariable String code, @ModelAttribute("form") SettingsForm form, BindingResult binding,
			Authentication user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		List<FormErrors.Error> read = new ArrayList<>();
		LocalDate effectiveFrom = day(form.effectiveFrom(), read, locale);
		WorkingHours hours = hours(form.workingHours(), read, locale);
		LocalTime cutoff = time(form.sameDayCutoff(), read, locale);
		FormErrors errors = this.problems.errors(binding, locale).and(new FormErrors(read));
		if (!errors.isEmpty()) {
			response.setStatus(400);
			return unitPage(actor, unit, form, errors, model, locale);
		}
		try {
			UnitSettings version = this.units.addSettings(actor, code,
					new NewUnitSettings(effectiveFrom, hours, weekend(form.weekend()), cutoff, form.supplementMode()));
			redirect.addFlashAttribute("done", "admin.settings.added");
			redirect.addFlashAttribute("doneDay", version.effectiveFrom());
			return "redirect:/quan-tri/don-vi/" + code;
		}
		catch (Problem ex) {
			AdminPages.status(ex, response);
			return unitPage(actor, unit, form, this.problems.errors(ex, locale, SETTINGS_INPUTS, Map.of()), model,
					locale);
		}
	}

	private String unitPage(Actor actor, Unit unit, SettingsForm form, FormErrors errors, Model model, Locale locale) {
		AdminPages.section(model, unit, "unit");
		// the units above and below link to their pages for who administers them
		model.addAttribute("linkParent", unit.parentCode() != null && actor.administers(unit.parentCode()));
		model.addAttribute("linkChildren", actor.isAdministrator());
		LocalDate today = today();
		List<UnitSettings> versions = new ArrayList<>(this.units.settingsVersions(unit.code()));
		java.util.Collections.reverse(versions);
		UnitSettings inForce = versions.stream()
			.filter(v -> !v.effectiveFrom().isAfter(today))
			.findFirst()
			.orElse(null);
		model.addAttribute("versions", versions);
		model.addAttribute("floor", UnitSettings.FLOOR);
		Map<LocalDate, String> weekendWords = new java.util.HashMap<>();
		versions.forEach(v -> weekendWords.put(v.effectiveFrom(), weekendWords(v.weekend(), locale)));
		model.addAttribute("weekendWords", weekendWords);
		model.addAttribute("inForce", inForce);
		model.addAttribute("today", today);
		model.addAttribute("tomorrow", today.plusDays(1));
		model.addAttribute("parent",
				unit.parentCode() == null ? null : this.units.find(unit.parentCode()).orElse(null));
		model.addAttribute("children", this.units.children(unit.code()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("weekdays", DayOfWeek.values());
		model.addAttribute("supplementModes", SupplementMode.values());
		model.addAttribute("fmt", new Formats.Bound(locale));
		return "admin/unit";
	}

	/** "Thứ Bảy, Chủ nhật", Monday first; "none" for a week without rest days. */
	private String weekendWords(Set<DayOfWeek> weekend, Locale locale) {
		if (weekend.isEmpty()) {
			return text("admin.settings.noWeekend", locale);
		}
		return weekend.stream()
			.sorted()
			.map(d -> text("weekday." + d, locale))
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/** Today in Vietnam: a new version starts tomorrow at the earliest. */
	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), UnitSettings.ZONE);
	}

	/**
	 * Hours as people type them ("07:00–11:30, 13:30–17:00", dashes of any kind);
	 * {@code null} for blank (the default, or as they are).
	 */
	private WorkingHours hours(String text, List<FormErrors.Error> errors, Locale locale) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return WorkingHours.parse(text.replace('\u2013', '-').replace('\u2014', '-').replace(" ", ""));
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FormErrors.Error("workingHours", text("field.workingHours.invalid", locale)));
			return null;
		}
	}

	/**
	 * A day as a date field sends it (yyyy-MM-dd) or as people type it (dd/MM/yyyy);
	 * {@code null} for blank, which the service refuses in its own words.
	 */
	private LocalDate day(String text, List<FormErrors.Error> errors, Locale locale) {
		LocalDate day = Formats.parseDay(text);
		if (day == null && text != null && !text.isBlank()) {
			errors.add(new FormErrors.Error("effectiveFrom", text("field.effectiveFrom.invalid", locale)));
		}
		return day;
	}

	private LocalTime time(String text, List<FormErrors.Error> errors, Locale locale) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new FormErrors.Error("sameDayCutoff", text("field.sameDayCutoff.invalid", locale)));
			return null;
		}
	}

	/** The ticked rest days; none ticked is a week without rest days. */
	private static Set<DayOfWeek> weekend(List<DayOfWeek> days) {
		Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
		if (days != null) {
			days.stream().filter(java.util.Objects::nonNull).forEach(weekend::add);
		}
		return weekend;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	private static String strip(String s) {
		return s == null ? null : s.strip();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
