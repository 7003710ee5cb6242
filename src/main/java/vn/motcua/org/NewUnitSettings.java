package vn.motcua.org;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import vn.motcua.shared.WorkingHours;

/**
 * A new version of a unit's settings, in force from {@code effectiveFrom}. {@code null}
 * hours, weekend, cut-off or supplement mode stay as in the version in force that day.
 */
public record NewUnitSettings(LocalDate effectiveFrom, WorkingHours hours, Set<DayOfWeek> weekend,
		LocalTime sameDayCutoff, SupplementMode supplementMode) {

}
