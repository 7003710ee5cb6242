package vn.motcua.calendar.core;

/** The unit of a statutory or committed time. */
public enum PeriodUnit {

	/**
	 * Working days of the unit (one working day = the length of its working hours,
	 * commonly 8 h).
	 */
	WORKING_DAYS,
	/** Working hours of the unit. */
	WORKING_HOURS,
	/**
	 * Calendar days; a period ending on a day off runs to the end of the next working
	 * day.
	 */
	DAYS,
	/** Calendar months; ending on a day off works as for {@link #DAYS}. */
	MONTHS

}
