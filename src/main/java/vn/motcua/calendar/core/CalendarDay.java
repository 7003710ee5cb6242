package vn.motcua.calendar.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One listed day of a calendar year: a holiday, a make-up or swapped day off, or a worked
 * weekend day.
 */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

	public CalendarDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		name = name == null ? "" : name.strip();
	}

}
