package vn.motcua.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.ResolvedYear;
import vn.motcua.calendar.core.CalendarDay;
import vn.motcua.calendar.core.CalendarYear;
import vn.motcua.calendar.core.DayKind;
import vn.motcua.calendar.core.PeriodUnit;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.org.Officers;
import vn.motcua.shared.Problem;
import vn.motcua.shared.Problem.Violation;
import vn.motcua.shared.ProblemCode;

/**
 * Working time of a unit: its holidays and worked Saturdays per year, and deadline
 * arithmetic.
 */
@RestController
@RequestMapping("/api/v1/calendar/{unitCode}")
@Tag(name = "Calendar", description = "Holidays, make-up and swapped days; due times in working time")
class CalendarApiController {

	/**
	 * The most an amount may be: beyond it the answer would leave the calendar's range
	 * anyway.
	 */
	static final int MAX_AMOUNT = 10_000;

	/**
	 * The day the due time's {@code unit} parameter became {@code timeUnit}: the old name
	 * is still answered, with an RFC 9745 {@code Deprecation} header of this date.
	 */
	static final String TIME_UNIT_RENAMED_ON = "2026-12-02";

	static final Instant TIME_UNIT_RENAMED = LocalDate.parse(TIME_UNIT_RENAMED_ON)
		.atStartOfDay(ZoneOffset.UTC)
		.toInstant();

	record DayRequest(@NotNull LocalDate date, @NotNull DayKind kind, @Size(max = 200) String name) {
	}

	/** A year's listed days; {@code year} is taken from the path on PUT. */
	record YearRequest(Integer year, @Size(max = 300) String source, @NotNull List<@Valid DayRequest> days) {

		CalendarYear toYear(int year) {
			return new CalendarYear(year, this.source,
					this.days.stream().map(d -> new CalendarDay(d.date(), d.kind(), d.name())).toList());
		}

	}

	record DueResponse(String unitCode, Instant from, Instant countingFrom, int amount, PeriodUnit timeUnit,
			Instant due, OffsetDateTime dueLocal) {

		/** The time unit under its old name, for clients that read it there. */
		@JsonProperty("unit")
		@Schema(deprecated = true, description = "the old name of timeUnit")
		PeriodUnit unit() {
			return this.timeUnit;
		}

	}

	record WorkingTimeResponse(String unitCode, Instant from, Instant to, long workingSeconds, double workingHours,
			double workingDays) {
	}

	record ImportResponse(String unitCode, List<Integer> years) {
	}

	private final Calendars calendars;

	private final Officers officers;

	CalendarApiController(Calendars calendars, Officers officers) {
		this.calendars = calendars;
		this.officers = officers;
	}

	@GetMapping("/holidays")
	@Operation(summary = "The listed days of a year as they apply to the unit, and where they come from")
	ResolvedYear holidays(@PathVariable String unitCode, @RequestParam int year) {
		return this.calendars.year(unitCode, year);
	}

	@PutMapping("/years/{year}")
	@Operation(
			summary = "Set the unit's year (an administrator of the unit): holidays, make-up and swapped days, worked weekend days")
	ResolvedYear putYear(@PathVariable String unitCode, @PathVariable int year, @Valid @RequestBody YearRequest request,
			Authentication user) {
		if (request.year() != null && request.year() != year) {
			throw Problem.invalid(ProblemCode.CALENDAR_YEAR_INVALID, "year",
					"the body says " + request.year() + ", the path " + year);
		}
		return this.calendars.putYear(this.officers.actor(user), unitCode, request.toYear(year));
	}

	@PostMapping("/import")
	@Operation(
			summary = "Set several years of the unit at once from a JSON array (an administrator of the unit); all or none")
	ImportResponse importYears(@PathVariable String unitCode, @RequestBody List<@Valid YearRequest> years,
			Authentication user) {
		for (int i = 0; i < years.size(); i++) {
			if (years.get(i).year() == null) {
				throw Problem.invalid(ProblemCode.CALENDAR_YEAR_INVALID, "[" + i + "].year", "is required");
			}
		}
		this.calendars.importYears(this.officers.actor(user), unitCode,
				years.stream().map(y -> y.toYear(y.year())).toList());
		return new ImportResponse(unitCode, years.stream().map(YearRequest::year).toList());
	}

	@GetMapping("/due")
	@Operation(summary = "The due time of a receipt plus an amount of working days, working hours or days")
	ResponseEntity<DueResponse> due(@PathVariable String unitCode,
			@Parameter(description = "ISO-8601 instant, e.g. 2025-01-24T16:00:00+07:00") @RequestParam String from,
			@RequestParam int amount,
			@Parameter(description = "the time unit of the amount; required (or, deprecated, as 'unit')") @RequestParam(
					required = false) PeriodUnit timeUnit,
			@Parameter(deprecated = true,
					description = "deprecated since " + TIME_UNIT_RENAMED_ON
							+ ": the old name of timeUnit (here 'unit' is a time unit, elsewhere an administrative "
							+ "unit); answered with a Deprecation header; not together with timeUnit") @RequestParam(
									name = "unit", required = false) PeriodUnit unit,
			@Parameter(description = "same-day cut-off, HH:MM; default the unit's") @RequestParam(
					required = false) LocalTime cutoff) {
		if (timeUnit != null && unit != null) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "unit is the deprecated name of timeUnit; give one",
					List.of(Violation.of("unit", "is the deprecated name of timeUnit; give timeUnit only")));
		}
		if (timeUnit == null && unit == null) {
			// as the problem handler answers a missing parameter
			throw Problem.invalid(ProblemCode.MISSING_PARAMETER, "timeUnit is required",
					List.of(Violation.of("timeUnit", "is required")));
		}
		PeriodUnit period = timeUnit != null ? timeUnit : unit;
		Instant receipt = instant("from", from);
		if (amount < 0) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "amount", "must not be negative");
		}
		if (amount > MAX_AMOUNT) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "amount", "must be at most " + MAX_AMOUNT);
		}
		WorkingCalendar calendar = this.calendars.forUnit(unitCode);
		LocalTime cut = cutoff != null ? cutoff : this.calendars.unit(unitCode).sameDayCutoff();
		try {
			Instant due = calendar.dueAt(receipt, new ProcessingTime(amount, period), cut);
			DueResponse response = new DueResponse(unitCode, receipt, calendar.nextWorkingInstant(receipt), amount,
					period, due, due.atOffset(WorkingCalendar.ZONE));
			return unit == null ? ResponseEntity.ok(response)
					: ResponseEntity.ok()
						.header("Deprecation", "@" + TIME_UNIT_RENAMED.getEpochSecond())
						.header(HttpHeaders.LINK, "</v3/api-docs>; rel=\"deprecation\"; type=\"application/json\"")
						.body(response);
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalid(ProblemCode.OUT_OF_CALENDAR, "from", ex.getMessage());
		}
	}

	@GetMapping("/working-time")
	@Operation(summary = "The working time between two instants")
	WorkingTimeResponse workingTime(@PathVariable String unitCode, @RequestParam String from, @RequestParam String to) {
		Instant start = instant("from", from);
		Instant end = instant("to", to);
		if (end.isBefore(start)) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "to", "must not be before from");
		}
		WorkingCalendar calendar = this.calendars.forUnit(unitCode);
		Duration time;
		try {
			time = calendar.workingTimeBetween(start, end);
		}
		catch (IllegalArgumentException ex) {
			throw Problem.invalid(ProblemCode.OUT_OF_CALENDAR, "from", ex.getMessage());
		}
		double hours = time.getSeconds() / 3600.0;
		return new WorkingTimeResponse(unitCode, start, end, time.getSeconds(), hours,
				hours / calendar.hours().hoursPerDay());
	}

	/** Reads an ISO-8601 instant with an offset ("…Z" or "…+07:00"). */
	private static Instant instant(String field, String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, field,
					"'" + text + "' is not an ISO-8601 instant such as 2025-01-24T16:00:00+07:00");
		}
	}

}
