package vn.motcua.calendar.core;

import vn.motcua.shared.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;

import vn.motcua.calendar.internal.BuiltInHolidays;

/**
 * Calendars for tests: the national data shipped with MotCua, standard hours, Saturday
 * and Sunday off.
 */
public final class CalendarFixture {

	private static final BuiltInHolidays BUILT_IN = BuiltInHolidays.load();

	private static final WorkingCalendar VIETNAM = new WorkingCalendar(WorkingHours.STANDARD,
			EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), BUILT_IN::year);

	private CalendarFixture() {
	}

	public static WorkingCalendar vietnam() {
		return VIETNAM;
	}

	public static BuiltInHolidays builtIn() {
		return BUILT_IN;
	}

	/** An instant given as local time in Vietnam, "2025-01-24T16:00". */
	public static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).toInstant(WorkingCalendar.ZONE);
	}

}
