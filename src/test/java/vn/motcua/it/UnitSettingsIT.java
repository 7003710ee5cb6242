package vn.motcua.it;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.org.NewUnit;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.Units;
import vn.motcua.shared.WorkingHours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A unit's settings versioned by effective date: a version from tomorrow changes nothing
 * today and everything from tomorrow, on this instance and, read from the database, on
 * another.
 */
@IntegrationTest
@Import(UnitSettingsIT.Clock.class)
class UnitSettingsIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(TODAY_AT_TEN, ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	/** Wednesday 2 December 2026, 10:00 in Vietnam. */
	static final java.time.Instant TODAY_AT_TEN = CalendarFixture.at("2026-12-02T10:00");

	static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	static final LocalDate TOMORROW = TODAY.plusDays(1);

	static final WorkingHours LATER_HOURS = WorkingHours.parse("08:00-12:00,13:00-17:00");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	Units units;

	@Autowired
	vn.motcua.org.Officers officers;

	@Autowired
	Calendars calendars;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void tenInTheMorning() {
		this.clock.set(TODAY_AT_TEN);
	}

	@Test
	void aVersionFromTomorrowChangesTheSettingsFromTomorrowOnly() throws Exception {
		province("H83");
		addSettings("H83",
				"{\"effectiveFrom\": \"2026-12-03\", \"workingHours\": \"08:00-12:00,13:00-17:00\","
						+ " \"sameDayCutoff\": \"16:00\"}")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/units/H83/settings/2026-12-03"))
			.andExpect(jsonPath("$.workingHours").value("08:00-12:00,13:00-17:00"))
			.andExpect(jsonPath("$.weekend", hasSize(2)))
			.andExpect(jsonPath("$.supplementMode").value("PAUSE_ADDED"));

		assertThat(this.units.settingsOn("H83", TODAY).hours()).isEqualTo(WorkingHours.STANDARD);
		assertThat(this.units.settingsOn("H83", TOMORROW).hours()).isEqualTo(LATER_HOURS);
		assertThat(this.units.settingsOn("H83", TOMORROW).sameDayCutoff()).isEqualTo(LocalTime.of(16, 0));
		assertThat(this.units.get("unit", "H83").hours()).isEqualTo(WorkingHours.STANDARD);
		assertThat(this.calendars.forUnit("H83").hours()).isEqualTo(WorkingHours.STANDARD);
		assertThat(this.calendars.forUnit("H83", TOMORROW).hours()).isEqualTo(LATER_HOURS);
		// one working hour from 07:30 tomorrow, counted today with today's hours
		dueInAnHour("H83").andExpect(jsonPath("$.dueLocal").value("2026-12-03T08:30:00+07:00"));
		this.mvc.perform(get("/api/v1/units/{code}/settings", "H83"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].effectiveFrom").value("2000-01-01"))
			.andExpect(jsonPath("$[1].effectiveFrom").value("2026-12-03"));

		this.clock.set(CalendarFixture.at("2026-12-03T07:00"));
		assertThat(this.units.get("unit", "H83").hours()).isEqualTo(LATER_HOURS);
		assertThat(this.units.get("unit", "H83").sameDayCutoff()).isEqualTo(LocalTime.of(16, 0));
		assertThat(this.calendars.forUnit("H83").hours()).isEqualTo(LATER_HOURS);
		dueInAnHour("H83").andExpect(jsonPath("$.dueLocal").value("2026-12-03T09:00:00+07:00"));
		this.mvc.perform(get("/api/v1/units/{code}", "H83"))
			.andExpect(jsonPath("$.workingHours").value("08:00-12:00,13:00-17:00"));
		this.mvc.perform(get("/api/v1/units/{code}/settings/{day}", "H83", "2026-12-02"))
			.andExpect(jsonPath("$.workingHours").value("07:00-11:30,13:30-17:00"));
	}

	@Test
	void aVersionAnotherInstanceAddsIsSeenWhenItsDayBegins() {
		province("H84");
		// read a minute before midnight, then another instance adds a version from
		// tomorrow
		this.clock.set(CalendarFixture.at("2026-12-02T23:59"));
		assertThat(this.units.get("unit", "H84").hours()).isEqualTo(WorkingHours.STANDARD);
		assertThat(this.calendars.forUnit("H84").hours()).isEqualTo(WorkingHours.STANDARD);
		this.jdbc
			.sql("insert into org_unit_setting (unit_code, effective_from, working_hours, weekend, same_day_cutoff,"
					+ " supplement_mode, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params("H84", TOMORROW, LATER_HOURS.toString(), "SATURDAY,SUNDAY", LocalTime.of(15, 0), "RESTART",
					OffsetDateTime.now(ZoneOffset.UTC), "admin")
			.update();

		this.clock.set(CalendarFixture.at("2026-12-03T00:00:01"));
		assertThat(this.units.get("unit", "H84").hours()).isEqualTo(LATER_HOURS);
		assertThat(this.units.get("unit", "H84").supplementMode()).hasToString("RESTART");
		assertThat(this.calendars.forUnit("H84").hours()).isEqualTo(LATER_HOURS);
	}

	@Test
	void thePastIsNotRewrittenAndADayHasOneVersion() throws Exception {
		province("H85");
		addSettings("H85", "{\"effectiveFrom\": \"2026-12-01\", \"workingHours\": \"08:00-17:00\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("UNIT_SETTINGS_INVALID"))
			.andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
		// nor today: this morning's receipts promised their due times under today's
		// settings
		addSettings("H85", "{\"effectiveFrom\": \"2026-12-02\", \"supplementMode\": \"RESTART\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("UNIT_SETTINGS_INVALID"))
			.andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
		addSettings("H85", "{\"effectiveFrom\": \"2026-12-03\", \"supplementMode\": \"RESTART\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.workingHours").value("07:00-11:30,13:30-17:00"));
		assertThat(this.units.get("unit", "H85").supplementMode()).hasToString("PAUSE_ADDED");
		assertThat(this.units.settingsOn("H85", TOMORROW).supplementMode()).hasToString("RESTART");
		addSettings("H85", "{\"effectiveFrom\": \"2026-12-10\", \"weekend\": [\"SUNDAY\"]}")
			.andExpect(status().isCreated());
		addSettings("H85", "{\"effectiveFrom\": \"2026-12-10\", \"weekend\": [\"SATURDAY\"]}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("UNIT_SETTINGS_EXIST"))
			.andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
		this.mvc.perform(get("/api/v1/units/{code}/settings", "H85")).andExpect(jsonPath("$", hasSize(3)));
	}

	@Test
	void badSettingsAreRefusedNamingTheField() throws Exception {
		province("H86");
		addSettings("H86", "{\"workingHours\": \"08:00-17:00\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("effectiveFrom"));
		addSettings("H86", "{\"effectiveFrom\": \"2026-12-05\", \"workingHours\": \"8h-17h\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("workingHours"));
		addSettings("H86",
				"{\"effectiveFrom\": \"2026-12-05\", \"weekend\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\","
						+ " \"THURSDAY\", \"FRIDAY\", \"SATURDAY\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("weekend"));
		addSettings("H99", "{\"effectiveFrom\": \"2026-12-05\"}").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"));
		this.mvc.perform(get("/api/v1/units/{code}/settings", "H99")).andExpect(status().isNotFound());
	}

	@Test
	void addingAVersionNeedsTheAdministrator() throws Exception {
		province("H87");
		String body = "{\"effectiveFrom\": \"2026-12-05\"}";
		this.mvc
			.perform(post("/api/v1/units/{code}/settings", "H87").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(post("/api/v1/units/{code}/settings", "H87").with(Api.as(Api.LEADER))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
	}

	@Test
	void onlyAnAdministratorOfTheUnitSetsItsSettings() throws Exception {
		province("H87");
		province("H88");
		this.officers.register(vn.motcua.org.Actor.administrator("admin"), "h87.quantri", "Quản trị H87", "H87",
				java.util.Set.of(vn.motcua.org.Role.ADMINISTRATOR), "mat-khau-du-dai");
		String body = "{\"effectiveFrom\": \"2026-12-10\", \"supplementMode\": \"RESTART\"}";
		this.mvc
			.perform(post("/api/v1/units/{code}/settings", "H88").with(httpBasic("h87.quantri", "mat-khau-du-dai"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_ALLOWED"));
		this.mvc
			.perform(post("/api/v1/units/{code}/settings", "H87").with(httpBasic("h87.quantri", "mat-khau-du-dai"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated());
	}

	private void province(String code) {
		if (this.units.find(code).isEmpty()) {
			this.units.register(new NewUnit(code, null, "Tỉnh thử " + code, UnitLevel.PROVINCE, null, null, null, null,
					null, null, null));
		}
	}

	private ResultActions addSettings(String unit, String body) throws Exception {
		return this.mvc.perform(post("/api/v1/units/{code}/settings", unit).with(httpBasic("admin", "motcua-demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions dueInAnHour(String unit) throws Exception {
		return this.mvc.perform(get("/api/v1/calendar/{unit}/due", unit).param("from", "2026-12-03T07:30:00+07:00")
			.param("amount", "1")
			.param("unit", "WORKING_HOURS"));
	}

}
