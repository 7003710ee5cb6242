package vn.motcua.calendar.core;

import vn.motcua.shared.WorkingHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static vn.motcua.calendar.core.CalendarFixture.at;

class WorkingCalendarTest {

	private static final LocalTime CUTOFF = LocalTime.of(15, 0);

	private final WorkingCalendar calendar = CalendarFixture.vietnam();

	private static List<LocalDate> weekdaysOff(WorkingCalendar calendar, int year) {
		List<LocalDate> off = new ArrayList<>();
		for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
			boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
			if (weekday && !calendar.isWorkingDay(d)) {
				off.add(d);
			}
		}
		return off;
	}

	@Test
	void everyWeekdayOffIn2025IsTheNoticesAndNoOther() {
		assertThat(weekdaysOff(this.calendar, 2025)).containsExactly(LocalDate.of(2025, 1, 1),
				LocalDate.of(2025, 1, 27), LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 29),
				LocalDate.of(2025, 1, 30), LocalDate.of(2025, 1, 31), LocalDate.of(2025, 4, 7),
				LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 2), LocalDate.of(2025, 9, 1),
				LocalDate.of(2025, 9, 2));
	}

	@Test
	void saturday26April2025IsAWorkingDay() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 4, 19))).isFalse();
	}

	@Test
	void weekdaysOffIn2026FollowTheNotice() {
		assertThat(weekdaysOff(this.calendar, 2026)).containsExactly(LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18),
				LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 20), LocalDate.of(2026, 4, 27),
				LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2),
				LocalDate.of(2026, 11, 24));
	}

	@Test
	void hungKingsOnASundayGivesTheMondayOffIn2026() {
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2026, 4, 28))).isTrue();
	}

	@Test
	void makeUpDaysFollowWeekendHolidaysIn2023() {
		// 1 Jan 2023 a Sunday → Monday 2 Jan off; Hùng Kings Saturday 29 Apr and Sunday
		// 30 Apr → 2 and 3 May off
		assertThat(weekdaysOff(this.calendar, 2023)).contains(LocalDate.of(2023, 1, 2), LocalDate.of(2023, 5, 2),
				LocalDate.of(2023, 5, 3), LocalDate.of(2023, 9, 4));
	}

	@Test
	void computedDefaultsGiveMakeUpDaysAfterATetThatSpansAWeekend() {
		// no notice for 2027: Tết (mùng 1) is Saturday 6 Feb; the five days are Fri 5 –
		// Tue 9 Feb,
		// and the Saturday and Sunday inside give Wednesday 10 and Thursday 11 Feb off
		assertThat(LunarCalendar.vietnamese().newYear(2027)).isEqualTo(LocalDate.of(2027, 2, 6));
		assertThat(weekdaysOff(this.calendar, 2027)).contains(LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 8),
				LocalDate.of(2027, 2, 9), LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 11));
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
	}

	@Test
	void cultureDayOnASaturdayGivesNoMakeUpDay() {
		// 24 Nov 2029 is a Saturday: Vietnamese Culture Day has no make-up day
		assertThat(LocalDate.of(2029, 11, 24).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2029, 11, 26))).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2025, 11, 24))).isTrue();
	}

	@Test
	void dueTimeAcrossTetResumesAfterTheHolidays() {
		// Friday before Tết 2025 at 16:00, 3 working days: 1 h on Friday, Tết until
		// Sunday 2 Feb, then
		// Monday and Tuesday, and 7 h of Wednesday 5 Feb
		assertThat(this.calendar.dueAt(at("2025-01-24T16:00"), ProcessingTime.workingDays(3), CUTOFF))
			.isEqualTo(at("2025-02-05T16:00"));
	}

	@Test
	void dueTimeAcrossTheSwappedSaturdayCountsTheSaturday() {
		assertThat(this.calendar.dueAt(at("2025-04-25T10:00"), ProcessingTime.workingDays(2), CUTOFF))
			.isEqualTo(at("2025-04-28T10:00"));
		// a week earlier the Saturday is a day off
		assertThat(this.calendar.dueAt(at("2025-04-18T10:00"), ProcessingTime.workingDays(2), CUTOFF))
			.isEqualTo(at("2025-04-22T10:00"));
	}

	@Test
	void receiptAfterHoursCountsFromTheNextWorkingStart() {
		assertThat(this.calendar.dueAt(at("2025-03-03T17:30"), ProcessingTime.workingDays(1), CUTOFF))
			.isEqualTo(at("2025-03-04T17:00"));
		assertThat(this.calendar.dueAt(at("2025-03-03T06:15"), ProcessingTime.workingDays(1), CUTOFF))
			.isEqualTo(at("2025-03-03T17:00"));
	}

	@Test
	void receiptInTheLunchBreakCountsFromTheAfternoon() {
		assertThat(this.calendar.dueAt(at("2025-03-03T12:00"), ProcessingTime.workingHours(2), CUTOFF))
			.isEqualTo(at("2025-03-03T15:30"));
	}

	@Test
	void workingHoursSkipTheLunchBreak() {
		assertThat(this.calendar.dueAt(at("2025-03-03T10:00"), ProcessingTime.workingHours(4), CUTOFF))
			.isEqualTo(at("2025-03-03T16:00"));
		// exactly the morning's remainder ends at 11:30, not at 13:30
		assertThat(this.calendar.dueAt(at("2025-03-03T10:00"), ProcessingTime.workingHours(1), CUTOFF))
			.isEqualTo(at("2025-03-03T11:00"));
	}

	@ParameterizedTest(name = "same-day procedure received {0} is due {1}")
	@CsvSource({ "2025-03-03T14:59, 2025-03-03T17:00", "2025-03-03T15:00, 2025-03-04T17:00",
			"2025-03-03T15:30, 2025-03-04T17:00", "2025-03-03T06:00, 2025-03-03T17:00",
			"2025-03-07T16:00, 2025-03-10T17:00", "2025-03-08T09:00, 2025-03-10T17:00",
			"2025-01-24T15:30, 2025-02-03T17:00" })
	void sameDayProceduresAfterTheCutOffAreDueTheNextWorkingDay(String received, String due) {
		assertThat(this.calendar.dueAt(at(received), ProcessingTime.workingDays(0), CUTOFF)).isEqualTo(at(due));
	}

	@Test
	void saturdayReceiptCountsFromMonday() {
		assertThat(this.calendar.dueAt(at("2025-03-08T09:00"), ProcessingTime.workingDays(1), CUTOFF))
			.isEqualTo(at("2025-03-10T17:00"));
	}

	@Test
	void receiptOnTheWorkingSaturdayCountsFromThatSaturday() {
		assertThat(this.calendar.dueAt(at("2025-04-26T09:00"), ProcessingTime.workingDays(1), CUTOFF))
			.isEqualTo(at("2025-04-28T09:00"));
	}

	@Test
	void calendarDaysEndingOnADayOffRunToTheEndOfTheNextWorkingDay() {
		// Monday 3 Mar 2025 + 5 days = Saturday 8 Mar → Monday 10 Mar, end of hours
		assertThat(this.calendar.dueAt(at("2025-03-03T09:00"), new ProcessingTime(5, PeriodUnit.DAYS), CUTOFF))
			.isEqualTo(at("2025-03-10T17:00"));
		assertThat(this.calendar.dueAt(at("2025-03-03T09:00"), new ProcessingTime(1, PeriodUnit.MONTHS), CUTOFF))
			.isEqualTo(at("2025-04-03T17:00"));
	}

	@Test
	void workingTimeBetweenSkipsNightsWeekendsAndLunch() {
		assertThat(this.calendar.workingTimeBetween(at("2025-03-07T16:00"), at("2025-03-10T08:00")))
			.isEqualTo(Duration.ofHours(2));
		assertThat(this.calendar.workingTimeBetween(at("2025-03-03T11:00"), at("2025-03-03T14:00")))
			.isEqualTo(Duration.ofMinutes(60));
		assertThat(this.calendar.workingTimeBetween(at("2025-01-24T07:00"), at("2025-02-03T07:00")))
			.isEqualTo(Duration.ofHours(8));
	}

	@Test
	void nextWorkingInstantSkipsTheWeekend() {
		assertThat(this.calendar.nextWorkingInstant(at("2025-03-08T09:00"))).isEqualTo(at("2025-03-10T07:00"));
		assertThat(this.calendar.nextWorkingInstant(at("2025-03-10T09:10"))).isEqualTo(at("2025-03-10T09:10"));
	}

	@Test
	void unitHoursAndWeekendAreTheUnits() {
		WorkingCalendar saturdayMornings = new WorkingCalendar(WorkingHours.parse("07:30-11:30,13:00-17:00"),
				EnumSet.of(DayOfWeek.SUNDAY), CalendarFixture.builtIn()::year);
		assertThat(saturdayMornings.isWorkingDay(LocalDate.of(2025, 3, 8))).isTrue();
		assertThat(saturdayMornings.dueAt(at("2025-03-07T16:00"), ProcessingTime.workingDays(1), CUTOFF))
			.isEqualTo(at("2025-03-08T16:00"));
	}

	@Test
	void instantsOutsideTheCalendarAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.dueAt(at("1999-12-31T09:00"), ProcessingTime.workingDays(1), CUTOFF));
	}

	@Test
	void agreesWithADayByDayWalkOnRandomReceipts() {
		NaiveCalendar naive = new NaiveCalendar(WorkingHours.STANDARD, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
				CalendarFixture.builtIn()::year);
		Random random = new Random(20241122);
		Instant start = at("2022-12-01T00:00");
		for (int i = 0; i < 20_000; i++) {
			Instant receipt = start.plusSeconds(random.nextInt(5 * 365 * 86_400));
			int days = 1 + random.nextInt(30);
			int hours = 1 + random.nextInt(40);
			assertThat(this.calendar.dueAt(receipt, ProcessingTime.workingDays(days), CUTOFF))
				.as("%s + %d working days", receipt, days)
				.isEqualTo(naive.plusWorkingDays(receipt, days));
			assertThat(this.calendar.dueAt(receipt, ProcessingTime.workingHours(hours), CUTOFF))
				.as("%s + %d working hours", receipt, hours)
				.isEqualTo(naive.plusWorkingSeconds(receipt, hours * 3600L));
		}
	}

}
