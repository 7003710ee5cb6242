package vn.motcua.calendar.core;

/** What a listed day of a calendar year is. */
public enum DayKind {

	/**
	 * A public holiday (Labour Code 2019 art. 112), including the days a notice gives for
	 * Tết.
	 */
	HOLIDAY(false),
	/** A make-up day off for a holiday that fell on a weekly rest day (art. 111(3)). */
	MAKE_UP(false),
	/** A weekday off in exchange for a weekend day worked. */
	SWAPPED_DAY_OFF(false),
	/** A weekend day that is worked (the other side of a swap). */
	WORKING_DAY(true);

	private final boolean working;

	DayKind(boolean working) {
		this.working = working;
	}

	public boolean isWorking() {
		return this.working;
	}

}
