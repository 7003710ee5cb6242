package vn.motcua.org;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import vn.motcua.shared.WorkingHours;

/**
 * What registering a unit takes. {@code null} hours, weekend, cut-off or supplement mode
 * take the common defaults.
 */
public record NewUnit(String code, String parentCode, String name, UnitLevel level, String address, String phone,
		String email, WorkingHours hours, Set<DayOfWeek> weekend, LocalTime sameDayCutoff,
		SupplementMode supplementMode) {

	public static final Set<DayOfWeek> DEFAULT_WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

	public static final LocalTime DEFAULT_CUTOFF = LocalTime.of(15, 0);

}
