package vn.motcua.org;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

import vn.motcua.shared.WorkingHours;

/**
 * One version of a unit's working-time settings, in force from {@code effectiveFrom}
 * until the next version's date (DOMAIN §2: rules change by date). Versions are never
 * changed; a change is a new version.
 *
 * @param weekend the weekly rest days
 * @param sameDayCutoff the time after which a same-day procedure is due the next working
 * day
 * @param supplementMode how the unit counts the pause of a supplement request
 */
public record UnitSettings(LocalDate effectiveFrom, WorkingHours hours, Set<DayOfWeek> weekend, LocalTime sameDayCutoff,
		SupplementMode supplementMode) {

	/**
	 * The date from which a unit's first settings are in force: the first day the working
	 * calendars cover.
	 */
	public static final LocalDate FLOOR = LocalDate.of(2000, 1, 1);

	/**
	 * The time in which a version's days are read: Vietnam's, as
	 * {@code WorkingCalendar.ZONE} (org sits below calendar and cannot name it).
	 */
	public static final ZoneOffset ZONE = ZoneOffset.ofHours(7);

	public UnitSettings {
		Objects.requireNonNull(effectiveFrom, "effectiveFrom");
		Objects.requireNonNull(hours, "hours");
		Objects.requireNonNull(sameDayCutoff, "sameDayCutoff");
		Objects.requireNonNull(supplementMode, "supplementMode");
		weekend = Set.copyOf(weekend);
	}

}
