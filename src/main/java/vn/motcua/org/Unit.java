package vn.motcua.org;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

import vn.motcua.shared.WorkingHours;

/**
 * A unit of the administrative tree: its electronic identifier code (mã định danh điện
 * tử, Decision 20/2020/QĐ-TTg, e.g. {@code H56} for Thanh Hóa), where it sits, where
 * citizens find it, and when it works.
 *
 * @param parentCode {@code null} for a province
 * @param weekend the weekly rest days
 * @param sameDayCutoff the default time after which a same-day procedure is due the next
 * working day
 * @param supplementMode how the unit counts the pause of a supplement request
 */
public record Unit(String code, String parentCode, String name, UnitLevel level, String address, String phone,
		String email, WorkingHours hours, Set<DayOfWeek> weekend, LocalTime sameDayCutoff,
		SupplementMode supplementMode) {

	public Unit {
		weekend = Set.copyOf(weekend);
	}

}
