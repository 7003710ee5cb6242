package vn.motcua.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.ResolvedYear;
import vn.motcua.calendar.core.CalendarDay;
import vn.motcua.calendar.core.CalendarYear;
import vn.motcua.calendar.core.DayKind;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.org.Actor;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.VietnameseText;

/**
 * The administration's calendar: a unit's year as it applies (its own days, its parent's,
 * the built-in notice or computed), and the year's holidays, days off and worked weekend
 * days typed or uploaded one a line ({@code 01/05/2027; Nghỉ lễ; Ngày Quốc tế Lao động}),
 * with the errors by line. The rules are {@link CalendarYear}'s and {@link Calendars}'.
 */
@Controller
class CalendarAdminPageController {

	/** A typed line: where it was, and the day it names. */
	record Line(int number, CalendarDay day) {
	}

	/** An error of a line, in words. */
	record LineError(int line, String text) {
	}

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Pattern DAY_FIELD = Pattern.compile("days\\[([0-9]+)\\]\\.(.*)");

	private final AdminPages pages;

	private final Calendars calendars;

	private final Units units;

	private final ProblemMessages problems;

	private final MessageSource messages;

	private final Clock clock;

	/** The names of the kinds of day a line may give, folded (no marks, lower case). */
	private final Map<String, DayKind> kinds = new HashMap<>();

	CalendarAdminPageController(AdminPages pages, Calendars calendars, Units units, ProblemMessages problems,
			MessageSource messages, Clock clock) {
		this.pages = pages;
		this.calendars = calendars;
		this.units = units;
		this.problems = problems;
		this.messages = messages;
		this.clock = clock;
		for (DayKind kind : DayKind.values()) {
			this.kinds.put(VietnameseText.fold(kind.name()), kind);
			this.kinds.put(VietnameseText.fold(kind.name().replace('_', ' ')), kind);
			for (Locale locale : List.of(WebConfiguration.VIETNAMESE, Locale.ENGLISH)) {
				this.kinds.put(VietnameseText.fold(messages.getMessage("dayKind." + kind, null, locale)), kind);
				for (String alias : messages.getMessage("dayKind." + kind + ".aliases", null, "", locale).split(",")) {
					if (!alias.isBlank()) {
						this.kinds.put(VietnameseText.fold(alias), kind);
					}
				}
			}
		}
	}

	@GetMapping("/quan-tri/don-vi/{code}/lich")
	String year(@PathVariable String code, @RequestParam(name = "nam", required = false) Integer year,
			Authentication user, Model model, Locale locale) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		int shown = year != null ? year : LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE).getYear();
		ResolvedYear resolved = this.calendars.year(code, shown);
		return page(unit, resolved, resolved.source(), lines(resolved.days(), locale), null, List.of(), model, locale);
	}

	@PostMapping("/quan-tri/don-vi/{code}/lich")
	String save(@PathVariable String code, @RequestParam int year, @RequestParam(required = false) String source,
			@RequestParam(required = false) String days, @RequestParam(required = false) MultipartFile file,
			Authentication user, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		Actor actor = this.pages.actor(user);
		Unit unit = this.pages.unit(actor, code);
		ResolvedYear resolved = this.calendars.year(code, year);
		String text = days == null ? "" : days;
		if (file != null && !file.isEmpty()) {
			// an uploaded file's lines replace the box's, and are shown in it when wrong
			text = new String(bytes(file), StandardCharsets.UTF_8).replace("\uFEFF", "");
		}
		List<LineError> lineErrors = new ArrayList<>();
		List<Line> lines = parse(text, lineErrors, locale);
		if (!lineErrors.isEmpty()) {
			response.setStatus(400);
			return page(unit, resolved, source, text, errors(lineErrors, null, locale), lineErrors, model, locale);
		}
		// the order CalendarYear keeps (by date, stable), so that its problems' indices
		// name these lines
		lines.sort(Comparator.comparing(l -> l.day().date()));
		try {
			this.calendars.putYear(actor, code, new CalendarYear(year, source, lines.stream().map(Line::day).toList()));
			redirect.addFlashAttribute("done", "admin.calendar.saved");
			redirect.addFlashAttribute("savedDays", lines.size());
			return "redirect:/quan-tri/don-vi/" + code + "/lich?nam=" + year;
		}
		catch (Problem ex) {
			AdminPages.status(ex, response);
			FormErrors other = FormErrors.none();
			for (Problem.Violation v : ex.violations()) {
				Matcher m = DAY_FIELD.matcher(v.field() == null ? "" : v.field());
				String reason = this.problems.reason(ex, v, locale);
				if (reason == null) {
					reason = this.problems.message(ex, locale);
				}
				int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
				if (index >= 0 && index < lines.size()) {
					Line line = lines.get(index);
					lineErrors.add(new LineError(line.number(), text("admin.calendar.lineError", locale, line.number(),
							line.day().date().format(SHOWN), reason)));
				}
				else {
					String field = "source".equals(v.field()) ? "source" : null;
					other = other.and(new FormErrors(List.of(new FormErrors.Error(field, reason))));
				}
			}
			lineErrors.sort(Comparator.comparingInt(LineError::line));
			return page(unit, resolved, source, text, errors(lineErrors, other, locale), lineErrors, model, locale);
		}
	}

	private String page(Unit unit, ResolvedYear year, String source, String days, FormErrors errors,
			List<LineError> lineErrors, Model model, Locale locale) {
		AdminPages.section(model, unit, "calendar");
		model.addAttribute("year", year);
		model.addAttribute("definedBy",
				year.definedBy() == null ? null : this.units.find(year.definedBy()).map(Unit::name).orElse(null));
		model.addAttribute("source", source);
		model.addAttribute("days", days);
		model.addAttribute("errors", errors);
		model.addAttribute("lineErrors", lineErrors);
		model.addAttribute("firstYear", WorkingCalendar.FIRST_YEAR);
		model.addAttribute("lastYear", WorkingCalendar.LAST_YEAR);
		model.addAttribute("fmt", new Formats.Bound(locale));
		return "admin/calendar";
	}

	/** The errors for the summary: each line's, linked to the box, then the others. */
	private static FormErrors errors(List<LineError> lines, FormErrors other, Locale locale) {
		FormErrors errors = new FormErrors(lines.stream().map(l -> new FormErrors.Error("days", l.text())).toList());
		return other == null ? errors : errors.and(other);
	}

	/** The days as lines to edit, in the reader's language. */
	private String lines(List<CalendarDay> days, Locale locale) {
		return days.stream()
			.map(d -> d.date().format(SHOWN) + "; " + text("dayKind." + d.kind(), locale)
					+ (d.name().isEmpty() ? "" : "; " + d.name()))
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Reads the lines: a date (dd/MM/yyyy, or yyyy-MM-dd), a kind and a name, parted by
	 * ';', a tab or, when neither is there, ','. Blank lines, lines starting with '#' and
	 * a heading line are skipped.
	 */
	List<Line> parse(String text, List<LineError> errors, Locale locale) {
		List<Line> lines = new ArrayList<>();
		String[] raw = text.split("\\r?\\n|\\r", -1);
		boolean first = true;
		for (int i = 0; i < raw.length; i++) {
			String row = raw[i].strip();
			int number = i + 1;
			if (row.isEmpty() || row.startsWith("#")) {
				continue;
			}
			String separator = row.contains(";") ? ";" : row.contains("\t") ? "\t" : ",";
			String[] parts = row.split(Pattern.quote(separator), 3);
			String dateText = parts[0].strip();
			if (first && List.of("ngay", "date").contains(VietnameseText.fold(dateText))) {
				first = false;
				continue;
			}
			first = false;
			LocalDate date = Formats.parseDay(dateText);
			if (date == null) {
				errors.add(new LineError(number, text("admin.calendar.line.date", locale, number, dateText)));
				continue;
			}
			DayKind kind = parts.length < 2 ? null : this.kinds.get(VietnameseText.fold(parts[1]));
			if (kind == null) {
				errors.add(new LineError(number, text("admin.calendar.line.kind", locale, number, date.format(SHOWN))));
				continue;
			}
			lines.add(new Line(number, new CalendarDay(date, kind, parts.length < 3 ? "" : parts[2].strip())));
		}
		return lines;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
