package vn.motcua.org;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.shared.WorkingHours;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsHistoryTest {

	static final UnitSettings FIRST = settings(UnitSettings.FLOOR, "07:00-11:30,13:30-17:00");

	static final UnitSettings LATER = settings(LocalDate.of(2026, 12, 3), "08:00-12:00,13:00-17:00");

	static final Instant TEN_IN_THE_MORNING = Instant.parse("2026-12-02T03:00:00Z");

	@Test
	void theVersionInForceIsTheLatestFromOnOrBeforeTheDay() {
		SettingsHistory history = SettingsHistory.readAt(List.of(LATER, FIRST), TEN_IN_THE_MORNING);
		assertThat(history.on(LocalDate.of(2026, 12, 2))).isEqualTo(FIRST);
		assertThat(history.on(LocalDate.of(2026, 12, 3))).isEqualTo(LATER);
		assertThat(history.on(LocalDate.of(2030, 1, 1))).isEqualTo(LATER);
	}

	@Test
	void aDayBeforeEveryVersionTakesTheFirst() {
		assertThat(SettingsHistory.readAt(List.of(FIRST, LATER), TEN_IN_THE_MORNING).on(LocalDate.of(1999, 12, 31)))
			.isEqualTo(FIRST);
	}

	@Test
	void aReadIsServedForAMinuteAtMost() {
		SettingsHistory history = SettingsHistory.readAt(List.of(FIRST), TEN_IN_THE_MORNING);
		assertThat(history.freshAt(TEN_IN_THE_MORNING.plusSeconds(59))).isTrue();
		assertThat(history.freshAt(TEN_IN_THE_MORNING.plusSeconds(60))).isFalse();
	}

	@Test
	void aReadIsNotServedPastMidnightInVietnam() {
		// 23:59:30 in Vietnam: the read goes stale at midnight, not a minute later
		Instant lateAtNight = Instant.parse("2026-12-02T16:59:30Z");
		SettingsHistory history = SettingsHistory.readAt(List.of(FIRST), lateAtNight);
		assertThat(history.expiresAt()).isEqualTo(Instant.parse("2026-12-02T17:00:00Z"));
		assertThat(history.freshAt(Instant.parse("2026-12-02T16:59:59Z"))).isTrue();
		assertThat(history.freshAt(Instant.parse("2026-12-02T17:00:00Z"))).isFalse();
	}

	@Test
	void aClockSetBackBeforeTheReadMakesItStale() {
		SettingsHistory history = SettingsHistory.readAt(List.of(FIRST), TEN_IN_THE_MORNING);
		assertThat(history.freshAt(TEN_IN_THE_MORNING.minusSeconds(1))).isFalse();
	}

	@Test
	void daysAreReadInTheCalendarsZone() {
		assertThat(UnitSettings.ZONE).isEqualTo(WorkingCalendar.ZONE);
	}

	private static UnitSettings settings(LocalDate from, String hours) {
		return new UnitSettings(from, WorkingHours.parse(hours), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
				LocalTime.of(15, 0), SupplementMode.PAUSE_ADDED);
	}

}
