package vn.motcua.calendar;

import java.util.List;

import vn.motcua.calendar.core.CalendarDay;

/**
 * A unit's year as it is applied: its listed days, where they come from, and how many
 * working days the year has.
 *
 * @param definedBy the unit whose data it is, for {@link YearOrigin#UNIT} and
 * {@link YearOrigin#INHERITED}
 */
public record ResolvedYear(String unitCode, int year, String source, YearOrigin origin, String definedBy,
		int workingDays, List<CalendarDay> days) {
}
