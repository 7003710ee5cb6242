package vn.motcua.calendar;

/** Where the days of a unit's year come from. */
public enum YearOrigin {

	/** Loaded for this unit. */
	UNIT,
	/** Loaded for one of its parent units, and inherited. */
	INHERITED,
	/** A national notice shipped with MotCua. */
	BUILT_IN,
	/**
	 * Computed from the Labour Code and the lunar calendar: no notice is loaded for that
	 * year.
	 */
	COMPUTED

}
