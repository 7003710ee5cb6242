package vn.motcua.it;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.org.Actor;
import vn.motcua.org.NewUnitSettings;
import vn.motcua.org.Officers;
import vn.motcua.org.SupplementMode;
import vn.motcua.org.Units;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dossier is judged by the rules in force when it was received (DOMAIN §2): the ward
 * switches from adding a supplement's pause to the due time (mode A) to restarting the
 * full time (mode B) from Tuesday; a dossier received on Monday keeps mode A when its
 * supplement arrives on Tuesday, one received on Tuesday gets mode B.
 */
@IntegrationTest
@Import(SettingsAtReceiptIT.Clock.class)
class SettingsAtReceiptIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(MONDAY_9, ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	/** Monday 7 December 2026, 09:00 in Vietnam: an ordinary working week. */
	static final Instant MONDAY_9 = CalendarFixture.at("2026-12-07T09:00");

	static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);

	@Autowired
	MutableClock clock;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	DossierQueries queries;

	@Autowired
	Officers officers;

	@Autowired
	Units units;

	@Autowired
	Calendars calendars;

	@Autowired
	JdbcClient jdbc;

	private Actor actor(String username) {
		return Actor.of(this.officers.find(username).orElseThrow());
	}

	/** Takes in a birth registration now, assigns it and asks for a supplement. */
	private String receiveAndAskForASupplement(Instant at) {
		this.clock.set(at);
		String code = this.intake.intake(actor(Api.COUNTER), Api.birth(), List.of()).dossier().code();
		this.actions.act(actor(Api.COUNTER), code, DossierAction.ASSIGN,
				new DossierActions.ActionRequest(Api.SPECIALIST, null, null, null, null, null, null));
		this.clock.set(at.plusSeconds(30 * 60));
		this.actions.act(actor(Api.SPECIALIST), code, DossierAction.REQUEST_SUPPLEMENT,
				new DossierActions.ActionRequest(null, "Bổ sung giấy chứng sinh", null, null, null, null, null));
		return code;
	}

	private DossierView supplementArrives(String code) {
		return this.actions.act(actor(Api.COUNTER), code, DossierAction.SUPPLEMENT_RECEIVED,
				new DossierActions.ActionRequest(null, null, null, null, null, null, null));
	}

	@Test
	void aDossierReceivedBeforeTheUnitSwitchedSupplementModeIsJudgedByTheOldMode() {
		assertThat(
				this.units.settingsOn(Api.WARD, MONDAY_9.atZone(WorkingCalendar.ZONE).toLocalDate()).supplementMode())
			.isEqualTo(SupplementMode.PAUSE_ADDED);
		String monday = receiveAndAskForASupplement(MONDAY_9);
		Instant mondayDue = this.queries.get(actor(Api.COUNTER), monday).dueAt();

		this.units.addSettings(Actor.administrator("admin"), Api.WARD,
				new NewUnitSettings(TUESDAY, null, null, null, SupplementMode.RESTART));
		Instant tuesday9 = CalendarFixture.at("2026-12-08T09:00");
		String tuesday = receiveAndAskForASupplement(tuesday9);
		assertThat(this.jdbc.sql("select supplement_mode from dossier where code = ?")
			.param(monday)
			.query(String.class)
			.single()).isEqualTo("PAUSE_ADDED");
		assertThat(this.jdbc.sql("select supplement_mode from dossier where code = ?")
			.param(tuesday)
			.query(String.class)
			.single()).isEqualTo("RESTART");

		Instant resumed = CalendarFixture.at("2026-12-08T14:00");
		this.clock.set(resumed);
		WorkingCalendar calendar = this.calendars.forUnit(Api.WARD, TUESDAY);
		ProcessingTime birth = ProcessingTime.workingHours(5);

		// mode A for Monday's dossier: its pause (Monday 09:30 to Tuesday 14:00) is added
		Instant mondayPause = MONDAY_9.plusSeconds(30 * 60);
		DossierView a = supplementArrives(monday);
		assertThat(a.dueAt()).isEqualTo(calendar.plus(mondayDue, calendar.workingTimeBetween(mondayPause, resumed)));
		assertThat(a.dueAt()).isNotEqualTo(calendar.dueAt(resumed, birth, LocalTime.of(15, 0)));

		// mode B for Tuesday's: the five working hours start again from the supplement
		DossierView b = supplementArrives(tuesday);
		assertThat(b.dueAt()).isEqualTo(calendar.dueAt(resumed, birth, LocalTime.of(15, 0)));
	}

}
