package vn.motcua.calendar.core;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LunarCalendarTest {

	private final LunarCalendar vietnam = LunarCalendar.vietnamese();

	@ParameterizedTest(name = "Tết {0} is {1}")
	@CsvSource({ "2023, 2023-01-22", "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17", "1985, 1985-01-21",
			"2007, 2007-02-17", "2020, 2020-01-25", "2022, 2022-02-01" })
	void tetFallsOnTheVietnameseNewYear(int year, LocalDate tet) {
		assertThat(this.vietnam.newYear(year)).isEqualTo(tet);
	}

	@Test
	void tet1985DiffersBetweenVietnamAndChina() {
		assertThat(this.vietnam.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
		assertThat(new LunarCalendar(LunarCalendar.CHINA).newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
	}

	@ParameterizedTest(name = "Hùng Kings {0} is {1}")
	@CsvSource({ "2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26" })
	void hungKingsDayIsTheTenthOfTheThirdLunarMonth(int year, LocalDate day) {
		assertThat(this.vietnam.toSolar(10, 3, year, false)).isEqualTo(day);
	}

	@Test
	void leapMonthOfLunarYear2023IsTheSecond() {
		// Quý Mão had a leap second month: 2nd month from 20 Feb, leap 2nd month from 22
		// Mar 2023
		assertThat(this.vietnam.toSolar(1, 2, 2023, true)).isEqualTo(LocalDate.of(2023, 3, 22));
		assertThatIllegalArgumentException().isThrownBy(() -> this.vietnam.toSolar(1, 5, 2023, true));
	}

}
