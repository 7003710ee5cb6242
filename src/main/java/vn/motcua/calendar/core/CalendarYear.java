package vn.motcua.calendar.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.motcua.shared.PlainText;

/**
 * The days of one year that differ from the plain working week: holidays, make-up and
 * swapped days off, and worked weekend days. {@code source} names where the list comes
 * from (e.g. "Thông báo 6150/TB-BLĐTBXH"). Everything not listed follows the unit's
 * working week.
 */
public record CalendarYear(int year, String source, List<CalendarDay> days) {

	/**
	 * The longest source and day name ({@code calendar_year}'s, {@code calendar_day}'s
	 * columns).
	 */
	public static final int MAX_SOURCE = 300;

	public static final int MAX_NAME = 200;

	public CalendarYear {
		source = source == null ? "" : source.strip();
		days = days.stream().sorted(Comparator.comparing(CalendarDay::date)).toList();
	}

	/**
	 * What is wrong with this year for a unit with the given weekly rest days; empty when
	 * nothing is. Each message starts with the JSON path of the offending value.
	 */
	public List<String> problems(Set<DayOfWeek> weekend) {
		List<String> problems = new ArrayList<>();
		if (this.year < WorkingCalendar.FIRST_YEAR || this.year > WorkingCalendar.LAST_YEAR) {
			problems.add("year: must be between " + WorkingCalendar.FIRST_YEAR + " and " + WorkingCalendar.LAST_YEAR);
		}
		if (this.source.length() > MAX_SOURCE) {
			problems.add("source: longer than " + MAX_SOURCE + " characters");
		}
		else if (PlainText.hasControl(this.source)) {
			problems.add("source: holds control characters");
		}
		Set<LocalDate> seen = new HashSet<>();
		for (int i = 0; i < this.days.size(); i++) {
			CalendarDay day = this.days.get(i);
			String at = "days[" + i + "]";
			if (day.date().getYear() != this.year) {
				problems.add(at + ".date: " + day.date() + " is not in " + this.year);
			}
			if (!seen.add(day.date())) {
				problems.add(at + ".date: " + day.date() + " is listed twice");
			}
			boolean weekendDay = weekend.contains(day.date().getDayOfWeek());
			if (day.kind() == DayKind.WORKING_DAY && !weekendDay) {
				problems.add(at + ".kind: " + day.date() + " is a " + day.date().getDayOfWeek()
						+ ", already a working day; only a weekly rest day can be a WORKING_DAY");
			}
			if ((day.kind() == DayKind.MAKE_UP || day.kind() == DayKind.SWAPPED_DAY_OFF) && weekendDay) {
				problems.add(at + ".kind: " + day.date() + " is a weekly rest day; a " + day.kind()
						+ " must be a working weekday");
			}
			if (day.name().length() > MAX_NAME) {
				problems.add(at + ".name: longer than " + MAX_NAME + " characters");
			}
			else if (PlainText.hasControl(day.name())) {
				problems.add(at + ".name: holds control characters");
			}
		}
		return problems;
	}

}
