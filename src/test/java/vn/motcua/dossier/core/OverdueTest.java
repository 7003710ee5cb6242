package vn.motcua.dossier.core;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.calendar.core.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;

class OverdueTest {

	static final WorkingCalendar CALENDAR = CalendarFixture.vietnam();

	static Instant at(String local) {
		return CalendarFixture.at(local);
	}

	@Test
	void notOverdueIsZeroDays() {
		assertThat(Overdue.workingDays(null, at("2025-03-03T09:00"), CALENDAR)).isZero();
		assertThat(Overdue.workingDays(at("2025-03-03T14:00"), at("2025-03-03T14:00"), CALENDAR)).isZero();
		assertThat(Overdue.workingDays(at("2025-03-03T14:00"), at("2025-03-03T13:00"), CALENDAR)).isZero();
	}

	@Test
	void onTheDueDayItselfItIsOneDayOverdue() {
		assertThat(Overdue.workingDays(at("2025-03-03T14:00"), at("2025-03-03T14:01"), CALENDAR)).isEqualTo(1);
		assertThat(Overdue.workingDays(at("2025-03-03T14:00"), at("2025-03-04T08:00"), CALENDAR)).isEqualTo(1);
	}

	@Test
	void eachWorkingDayAfterTheDueDayCounts() {
		// due Monday 3 March 2025: Wednesday is two working days after
		assertThat(Overdue.workingDays(at("2025-03-03T14:00"), at("2025-03-05T07:30"), CALENDAR)).isEqualTo(2);
		// due Friday: the weekend does not count, Monday is one working day after
		assertThat(Overdue.workingDays(at("2025-03-07T16:00"), at("2025-03-08T10:00"), CALENDAR)).isEqualTo(1);
		assertThat(Overdue.workingDays(at("2025-03-07T16:00"), at("2025-03-10T10:00"), CALENDAR)).isEqualTo(1);
		assertThat(Overdue.workingDays(at("2025-03-07T16:00"), at("2025-03-11T10:00"), CALENDAR)).isEqualTo(2);
	}

	@Test
	void holidaysDoNotCount() {
		// due Friday 24 January 2025, before Tết (off 25 January to 2 February): Monday
		// 3 February is the first working day after
		assertThat(Overdue.workingDays(at("2025-01-24T16:00"), at("2025-02-03T09:00"), CALENDAR)).isEqualTo(1);
		assertThat(Overdue.workingDays(at("2025-01-24T16:00"), at("2025-02-05T09:00"), CALENDAR)).isEqualTo(3);
	}

}
