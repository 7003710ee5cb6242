package vn.motcua.calendar.core;

import vn.motcua.shared.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A deliberately simple day-by-day working calendar: the oracle that
 * {@link WorkingCalendar} is checked against in tests, and the baseline it is measured
 * against in the benchmark.
 */
public final class NaiveCalendar {

	private final WorkingHours hours;

	private final Set<DayOfWeek> weekend;

	private final Map<LocalDate, Boolean> listed = new HashMap<>();

	public NaiveCalendar(WorkingHours hours, Set<DayOfWeek> weekend, IntFunction<CalendarYear> years) {
		this.hours = hours;
		this.weekend = weekend;
		for (int y = WorkingCalendar.FIRST_YEAR; y <= WorkingCalendar.LAST_YEAR; y++) {
			for (CalendarDay day : years.apply(y).days()) {
				this.listed.put(day.date(), day.kind().isWorking());
			}
		}
	}

	public boolean isWorkingDay(LocalDate date) {
		Boolean listedDay = this.listed.get(date);
		return listedDay != null ? listedDay : !this.weekend.contains(date.getDayOfWeek());
	}

	/** Adds working seconds to an instant, walking day by day and session by session. */
	public Instant plusWorkingSeconds(Instant receipt, long seconds) {
		LocalDateTime t = LocalDateTime.ofInstant(receipt, WorkingCalendar.ZONE);
		LocalDate day = t.toLocalDate();
		LocalTime from = t.toLocalTime();
		long remaining = seconds;
		while (true) {
			if (isWorkingDay(day)) {
				for (WorkingHours.Session s : this.hours.sessions()) {
					LocalTime start = from.isAfter(s.start()) ? from : s.start();
					if (!start.isBefore(s.end())) {
						continue;
					}
					long available = s.end().toSecondOfDay() - start.toSecondOfDay();
					if (remaining <= available) {
						return day.atTime(start.plusSeconds(remaining)).toInstant(WorkingCalendar.ZONE);
					}
					remaining -= available;
				}
			}
			day = day.plusDays(1);
			from = LocalTime.MIN;
		}
	}

	public Instant plusWorkingDays(Instant receipt, int days) {
		return plusWorkingSeconds(receipt, (long) days * this.hours.daySeconds());
	}

}
