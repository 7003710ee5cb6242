package vn.motcua.calendar.core;

import vn.motcua.shared.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Working time of one unit: which days are worked, its hours, and deadline arithmetic on
 * them. Immutable and thread-safe.
 * <p>
 * All days from {@value #FIRST_YEAR} to {@value #LAST_YEAR} are laid out once in two
 * tables: the number of working days before each day, and the day of each working day. An
 * instant then maps in O(1) to a <em>working position</em>, the working seconds since the
 * start of the range, and back; adding working time is adding to the position. No call
 * loops over days.
 * <p>
 * Instants are read in Vietnam's time (UTC+7). An instant outside working hours maps to
 * the start of the next working session; a result falling exactly between two sessions is
 * given as the end of the earlier one (due at 17:00 on Monday, not 07:00 on Tuesday).
 */
public final class WorkingCalendar {

	public static final int FIRST_YEAR = 2000;

	public static final int LAST_YEAR = 2100;

	/** Vietnam's time, in which days and hours are read. */
	public static final ZoneOffset ZONE = ZoneOffset.ofHours(7);

	private static final int ZONE_SECONDS = 7 * 3600;

	private static final long SECONDS_PER_DAY = 86_400;

	private final WorkingHours hours;

	private final Set<DayOfWeek> weekend;

	private final int firstEpochDay;

	/**
	 * {@code workingBefore[i]}: working days in the range before day i; one entry more
	 * than days.
	 */
	private final int[] workingBefore;

	/** {@code workingDay[k]}: the day index of the k-th working day of the range. */
	private final int[] workingDay;

	private final int[] sessionStart;

	private final int[] sessionEnd;

	private final int daySeconds;

	/**
	 * @param hours the working sessions of a working day
	 * @param weekend the weekly rest days
	 * @param years the listed days of each year of the range
	 */
	public WorkingCalendar(WorkingHours hours, Set<DayOfWeek> weekend, IntFunction<CalendarYear> years) {
		this.hours = hours;
		this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
		this.firstEpochDay = (int) LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();
		int days = (int) (LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay() - this.firstEpochDay);
		boolean[] working = new boolean[days];
		for (int i = 0; i < days; i++) {
			DayOfWeek dow = DayOfWeek.of((int) Math.floorMod(this.firstEpochDay + i + 3L, 7L) + 1);
			working[i] = !this.weekend.contains(dow);
		}
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			CalendarYear data = years.apply(year);
			if (data == null) {
				continue;
			}
			for (CalendarDay day : data.days()) {
				int i = (int) (day.date().toEpochDay() - this.firstEpochDay);
				if (i >= 0 && i < days) {
					working[i] = day.kind().isWorking();
				}
			}
		}
		this.workingBefore = new int[days + 1];
		int count = 0;
		for (int i = 0; i < days; i++) {
			this.workingBefore[i] = count;
			if (working[i]) {
				count++;
			}
		}
		this.workingBefore[days] = count;
		this.workingDay = new int[count];
		for (int i = 0, k = 0; i < days; i++) {
			if (working[i]) {
				this.workingDay[k++] = i;
			}
		}
		int n = hours.sessions().size();
		this.sessionStart = new int[n];
		this.sessionEnd = new int[n];
		for (int s = 0; s < n; s++) {
			this.sessionStart[s] = hours.sessions().get(s).start().toSecondOfDay();
			this.sessionEnd[s] = hours.sessions().get(s).end().toSecondOfDay();
		}
		this.daySeconds = hours.daySeconds();
	}

	public WorkingHours hours() {
		return this.hours;
	}

	public Set<DayOfWeek> weekend() {
		return Set.copyOf(this.weekend);
	}

	public boolean isWorkingDay(LocalDate date) {
		int i = dayIndex(date.toEpochDay());
		return this.workingBefore[i + 1] != this.workingBefore[i];
	}

	/** The working days from {@code from} to {@code to}, both included. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return this.workingBefore[dayIndex(to.toEpochDay()) + 1] - this.workingBefore[dayIndex(from.toEpochDay())];
	}

	/**
	 * The instant itself if it is within working hours, otherwise the start of the next
	 * working session.
	 */
	public Instant nextWorkingInstant(Instant instant) {
		return instantAt(position(instant), false);
	}

	/**
	 * The instant after the given working time from {@code from} (counted from the next
	 * working instant, ending at a session's end rather than the next one's start).
	 */
	public Instant plus(Instant from, Duration workingTime) {
		if (workingTime.isNegative()) {
			throw new IllegalArgumentException("working time must not be negative: " + workingTime);
		}
		long position = position(from);
		return workingTime.isZero() ? instantAt(position, false) : instantAt(position + workingTime.getSeconds(), true);
	}

	/**
	 * Working time from one instant to another (negative when {@code to} is before
	 * {@code from}).
	 */
	public Duration workingTimeBetween(Instant from, Instant to) {
		return Duration.ofSeconds(position(to) - position(from));
	}

	/**
	 * The due time of something received at {@code receipt} with the given processing
	 * time.
	 * @param cutoff for same-day times: received at or after this time of day, it is due
	 * the next working day
	 */
	public Instant dueAt(Instant receipt, ProcessingTime time, LocalTime cutoff) {
		return switch (time.unit()) {
			case WORKING_HOURS -> time.amount() == 0 ? nextWorkingInstant(receipt)
					: instantAt(position(receipt) + time.amount() * 3600L, true);
			case WORKING_DAYS -> time.amount() == 0 ? sameDayDue(receipt, cutoff)
					: instantAt(position(receipt) + (long) time.amount() * this.daySeconds, true);
			case DAYS -> endOfWorkingDayFrom(localDate(receipt).plusDays(time.amount()));
			case MONTHS -> endOfWorkingDayFrom(localDate(receipt).plusMonths(time.amount()));
		};
	}

	/**
	 * The end of working hours on the given day, or on the next working day when it is a
	 * day off.
	 */
	public Instant endOfWorkingDayFrom(LocalDate date) {
		int ordinal = this.workingBefore[dayIndex(date.toEpochDay())];
		return instantAt((ordinal + 1L) * this.daySeconds, true);
	}

	private Instant sameDayDue(Instant receipt, LocalTime cutoff) {
		long local = receipt.getEpochSecond() + ZONE_SECONDS;
		long epochDay = Math.floorDiv(local, SECONDS_PER_DAY);
		int secondOfDay = (int) (local - epochDay * SECONDS_PER_DAY);
		int i = dayIndex(epochDay);
		long ordinal = this.workingBefore[i];
		boolean workingDay = this.workingBefore[i + 1] != ordinal;
		if (workingDay && (secondOfDay >= cutoff.toSecondOfDay()
				|| secondOfDay >= this.sessionEnd[this.sessionEnd.length - 1])) {
			ordinal++;
		}
		return instantAt((ordinal + 1) * this.daySeconds, true);
	}

	/**
	 * Working seconds from the start of the range to the instant (clamped forward to
	 * working time).
	 */
	long position(Instant instant) {
		long local = instant.getEpochSecond() + ZONE_SECONDS;
		long epochDay = Math.floorDiv(local, SECONDS_PER_DAY);
		int i = dayIndex(epochDay);
		long ordinal = this.workingBefore[i];
		if (this.workingBefore[i + 1] == ordinal) {
			return ordinal * this.daySeconds;
		}
		int secondOfDay = (int) (local - epochDay * SECONDS_PER_DAY);
		int elapsed = 0;
		for (int s = 0; s < this.sessionStart.length; s++) {
			if (secondOfDay >= this.sessionEnd[s]) {
				elapsed += this.sessionEnd[s] - this.sessionStart[s];
			}
			else {
				if (secondOfDay > this.sessionStart[s]) {
					elapsed += secondOfDay - this.sessionStart[s];
				}
				break;
			}
		}
		return ordinal * this.daySeconds + elapsed;
	}

	/**
	 * The instant of a working position.
	 * @param preferEnd at a boundary between sessions or days, the end of the earlier one
	 * rather than the start of the later one
	 */
	Instant instantAt(long position, boolean preferEnd) {
		long ordinal;
		int offset;
		if (preferEnd && position > 0) {
			ordinal = (position - 1) / this.daySeconds;
			offset = (int) (position - ordinal * this.daySeconds);
		}
		else {
			ordinal = position / this.daySeconds;
			offset = (int) (position - ordinal * this.daySeconds);
		}
		if (ordinal >= this.workingDay.length) {
			throw new IllegalArgumentException("the result falls after " + LAST_YEAR + ", outside the calendar");
		}
		int secondOfDay = this.sessionEnd[this.sessionEnd.length - 1];
		int before = 0;
		for (int s = 0; s < this.sessionStart.length; s++) {
			int length = this.sessionEnd[s] - this.sessionStart[s];
			if (preferEnd ? offset <= before + length : offset < before + length) {
				secondOfDay = this.sessionStart[s] + (offset - before);
				break;
			}
			before += length;
		}
		long epochDay = (long) this.firstEpochDay + this.workingDay[(int) ordinal];
		return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + secondOfDay - ZONE_SECONDS);
	}

	private int dayIndex(long epochDay) {
		long i = epochDay - this.firstEpochDay;
		if (i < 0 || i >= this.workingBefore.length - 1) {
			throw new IllegalArgumentException(
					"outside the calendar: only " + FIRST_YEAR + " to " + LAST_YEAR + " are supported");
		}
		return (int) i;
	}

	private static LocalDate localDate(Instant instant) {
		return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZONE).toLocalDate();
	}

}
