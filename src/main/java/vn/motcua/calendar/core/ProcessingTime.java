package vn.motcua.calendar.core;

import java.util.Objects;

/**
 * A statutory or committed processing time: an amount and its unit. Zero working days
 * means a same-day procedure ("giải quyết trong ngày"): received before the cut-off, due
 * at the end of that working day, otherwise at the end of the next one.
 */
public record ProcessingTime(int amount, PeriodUnit unit) {

	public ProcessingTime {
		Objects.requireNonNull(unit, "unit");
		if (amount < 0) {
			throw new IllegalArgumentException("amount must not be negative: " + amount);
		}
	}

	public static ProcessingTime workingDays(int amount) {
		return new ProcessingTime(amount, PeriodUnit.WORKING_DAYS);
	}

	public static ProcessingTime workingHours(int amount) {
		return new ProcessingTime(amount, PeriodUnit.WORKING_HOURS);
	}

	public boolean sameDay() {
		return this.amount == 0 && this.unit == PeriodUnit.WORKING_DAYS;
	}

	/**
	 * Whether this time is counted in working time, so that two such times compare by
	 * length.
	 */
	public boolean inWorkingTime() {
		return this.unit == PeriodUnit.WORKING_DAYS || this.unit == PeriodUnit.WORKING_HOURS;
	}

	/**
	 * Length in working hours, for times counted in working time; a same-day time counts
	 * as one working day.
	 * @param hoursPerDay working hours in one working day
	 */
	public double workingHours(double hoursPerDay) {
		return switch (this.unit) {
			case WORKING_HOURS -> this.amount;
			case WORKING_DAYS -> (sameDay() ? 1 : this.amount) * hoursPerDay;
			default -> throw new IllegalStateException(this.unit + " is not counted in working time");
		};
	}

	/**
	 * Length in calendar days, for {@link PeriodUnit#DAYS}, or approximate for months (30
	 * days).
	 */
	private double calendarDays() {
		return this.unit == PeriodUnit.MONTHS ? this.amount * 30.0 : this.amount;
	}

	/**
	 * The cut of {@code committed} against this statutory time, in percent, or
	 * {@code null} when the two are not comparable (one in working time, the other in
	 * calendar time).
	 */
	public Double cutPercent(ProcessingTime committed, double hoursPerDay) {
		double statutory;
		double cut;
		if (inWorkingTime() && committed.inWorkingTime()) {
			statutory = workingHours(hoursPerDay);
			cut = committed.workingHours(hoursPerDay);
		}
		else if (!inWorkingTime() && !committed.inWorkingTime()) {
			statutory = calendarDays();
			cut = committed.calendarDays();
		}
		else {
			return null;
		}
		if (statutory == 0) {
			return 0.0;
		}
		return Math.round((statutory - cut) * 1000.0 / statutory) / 10.0;
	}

	@Override
	public String toString() {
		return this.amount + " " + this.unit;
	}

}
