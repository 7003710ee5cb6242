package vn.motcua.calendar.core;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The holidays of a year for which no notice has been loaded, computed from the Labour
 * Code 2019 (art. 111–112) and the Vietnamese lunar calendar:
 * <ul>
 * <li>1 January; Tết: the last day of the lunar year and the first four of the new one;
 * the Hùng Kings' day (10th day of the 3rd lunar month); 30 April; 1 May; 2 September and
 * one adjacent day (1 September, or 3 September when the 2nd is a Monday); from 2026, 24
 * November (Vietnamese Culture Day);</li>
 * <li>a holiday on Saturday or Sunday gives a make-up day on the next working day (not
 * for 24 November, which has none).</li>
 * </ul>
 * Which days the Government actually gives differs from year to year (Tết spans, swapped
 * Saturdays): the yearly notice, loaded as data, always wins over these defaults.
 */
public final class DefaultHolidays {

	/** The first year with Vietnamese Culture Day (24 November) as a holiday. */
	static final int CULTURE_DAY_FROM = 2026;

	private final LunarCalendar lunar;

	public DefaultHolidays(LunarCalendar lunar) {
		this.lunar = lunar;
	}

	public static DefaultHolidays vietnamese() {
		return new DefaultHolidays(LunarCalendar.vietnamese());
	}

	public CalendarYear forYear(int year) {
		List<CalendarDay> holidays = new ArrayList<>();
		holidays.add(holiday(LocalDate.of(year, Month.JANUARY, 1), "Tết Dương lịch"));
		LocalDate tet = this.lunar.newYear(year);
		holidays.add(holiday(tet.minusDays(1), "Tết Nguyên đán (ngày cuối năm âm lịch)"));
		for (int i = 0; i < 4; i++) {
			holidays.add(holiday(tet.plusDays(i), "Tết Nguyên đán (mùng " + (i + 1) + ")"));
		}
		holidays.add(holiday(this.lunar.toSolar(10, 3, year, false), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
		holidays.add(holiday(LocalDate.of(year, Month.APRIL, 30), "Ngày Chiến thắng"));
		holidays.add(holiday(LocalDate.of(year, Month.MAY, 1), "Ngày Quốc tế Lao động"));
		LocalDate nationalDay = LocalDate.of(year, Month.SEPTEMBER, 2);
		LocalDate adjacent = nationalDay.getDayOfWeek() == DayOfWeek.MONDAY ? nationalDay.plusDays(1)
				: nationalDay.minusDays(1);
		holidays.add(holiday(adjacent, "Quốc khánh (ngày liền kề)"));
		holidays.add(holiday(nationalDay, "Quốc khánh"));
		holidays.sort((a, b) -> a.date().compareTo(b.date()));

		Set<LocalDate> taken = new HashSet<>();
		holidays.forEach(h -> taken.add(h.date()));
		List<CalendarDay> days = new ArrayList<>(holidays);
		for (CalendarDay h : holidays) {
			if (isWeekend(h.date())) {
				LocalDate makeUp = h.date().plusDays(1);
				while (isWeekend(makeUp) || taken.contains(makeUp)) {
					makeUp = makeUp.plusDays(1);
				}
				taken.add(makeUp);
				days.add(new CalendarDay(makeUp, DayKind.MAKE_UP, "Nghỉ bù " + h.name()));
			}
		}
		if (year >= CULTURE_DAY_FROM) {
			LocalDate cultureDay = LocalDate.of(year, Month.NOVEMBER, 24);
			if (!taken.contains(cultureDay)) {
				days.add(holiday(cultureDay, "Ngày Văn hóa Việt Nam"));
			}
		}
		// make-up days may spill into the next year only in theory (none after 24 Nov);
		// keep the year's own
		days.removeIf(d -> d.date().getYear() != year);
		return new CalendarYear(year, "Mặc định tính theo Bộ luật Lao động 2019 và âm lịch Việt Nam", days);
	}

	private static boolean isWeekend(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static CalendarDay holiday(LocalDate date, String name) {
		return new CalendarDay(date, DayKind.HOLIDAY, name);
	}

}
