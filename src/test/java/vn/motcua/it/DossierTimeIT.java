package vn.motcua.it;

import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.calendar.core.CalendarFixture;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.COUNTER;
import static vn.motcua.it.Api.LEADER;
import static vn.motcua.it.Api.SPECIALIST;
import static vn.motcua.it.Api.as;

/**
 * Dossier rules that depend on when things happen, with the application's clock set by
 * the test.
 */
@IntegrationTest
@Import(DossierTimeIT.Clock.class)
class DossierTimeIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(CalendarFixture.at("2025-01-24T16:00"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	static final String MARRIAGE = """
			{"unit": "H56.15.40", "procedureCode": "1.000894", "channel": "COUNTER",
			 "applicant": {"name": "Phạm Văn Dũng"},
			 "components": [{"name": "Tờ khai đăng ký kết hôn", "originals": 1},
			   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc);
	}

	@Test
	void receivedTheFridayBeforeTetAt16IsDueAfterTetAndThenOverdue() throws Exception {
		this.clock.set(CalendarFixture.at("2025-01-24T16:00"));
		// đăng ký kết hôn: committed 3 working days; Tết 2025 is off from Saturday 25 Jan
		// to Sunday 2 Feb
		String code = Api
			.json(this.api.intake(COUNTER, """
					{"unit": "H56.15.40", "procedureCode": "1.000894", "channel": "COUNTER",
					 "applicant": {"name": "Phạm Văn Dũng"},
					 "components": [{"name": "Tờ khai đăng ký kết hôn", "originals": 1},
					   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}]}""")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.dossier.code").value(org.hamcrest.Matchers.startsWith("H56.15.40-250124-")))
				.andExpect(jsonPath("$.dossier.dueAt").value("2025-02-05T09:00:00Z")))
			.get("dossier")
			.get("code")
			.asString();

		this.clock.set(CalendarFixture.at("2025-02-05T08:00"));
		this.mvc.perform(get("/api/v1/dossiers").param("unit", Api.WARD).param("dueSoon", "true").with(as(LEADER)))
			.andExpect(jsonPath("$.items[?(@.code == '" + code + "')]").exists());
		this.clock.set(CalendarFixture.at("2025-02-05T16:01"));
		this.mvc.perform(get("/api/v1/dossiers").param("unit", Api.WARD).param("overdue", "true").with(as(LEADER)))
			.andExpect(jsonPath("$.items[?(@.code == '" + code + "')].overdue").value(true));
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(as(COUNTER)))
			.andExpect(jsonPath("$.overdue").value(true));
	}

	@Test
	void oneApologyAtLeastAWorkingDayAhead() throws Exception {
		this.clock.set(CalendarFixture.at("2025-03-03T09:00"));
		String code = this.api.receiveBirth();
		// birth registration: committed 5 working hours, due Monday 14:00; 10:00 leaves 4
		// h: too late
		this.clock.set(CalendarFixture.at("2025-03-03T10:00"));
		this.api
			.act(LEADER, code, "apologize", "{\"reason\": \"Chờ xác minh\", \"newDueAt\": \"2025-03-05T10:00:00Z\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("APOLOGY_TOO_LATE"));

		// a marriage registration (committed 3 working days) received Tuesday 09:00 is
		// due Friday 09:00
		this.clock.set(CalendarFixture.at("2025-03-04T09:00"));
		String later = Api.json(this.api.intake(COUNTER, MARRIAGE)).get("dossier").get("code").asString();
		this.api.act(COUNTER, later, "assign", "{\"assignee\": \"" + SPECIALIST + "\"}").andExpect(status().isOk());
		this.api.act(SPECIALIST, later, "request-supplement", "{\"note\": \"Bổ sung giấy xác nhận\"}")
			.andExpect(jsonPath("$.status").value("WAITING_FOR_SUPPLEMENT"));
		// the applicant comes back two working days later: mode A adds the pause to the
		// due time
		this.clock.set(CalendarFixture.at("2025-03-06T09:00"));
		this.api.act(COUNTER, later, "supplement-received", null)
			.andExpect(jsonPath("$.status").value("IN_PROCESSING"))
			.andExpect(jsonPath("$.dueAt").value("2025-03-11T02:00:00Z"));
		this.api
			.act(LEADER, later, "apologize", "{\"reason\": \"Chờ xác minh\", \"newDueAt\": \"2025-03-13T10:00:00Z\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.apologies").value(1))
			.andExpect(jsonPath("$.originalDueAt").value("2025-03-07T02:00:00Z"))
			.andExpect(jsonPath("$.dueAt").value("2025-03-13T10:00:00Z"));
		this.api.act(LEADER, later, "apologize", "{\"reason\": \"Lần hai\", \"newDueAt\": \"2025-03-20T10:00:00Z\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("APOLOGY_ALREADY_GIVEN"));
	}

}
