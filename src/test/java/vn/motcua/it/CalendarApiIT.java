package vn.motcua.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CalendarApiIT {

	static final String WARD = "H56.15.40";

	@Autowired
	MockMvc mvc;

	@Test
	void dueTimeAcrossTetInTheDemoWard() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3")
				.param("timeUnit", "WORKING_DAYS"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.due").value("2025-02-05T09:00:00Z"))
			.andExpect(jsonPath("$.dueLocal").value("2025-02-05T16:00:00+07:00"));
	}

	@Test
	void theTimeUnitByItsNewNameIsAnsweredWithoutADeprecation() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3")
				.param("timeUnit", "WORKING_DAYS"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Deprecation"))
			.andExpect(jsonPath("$.timeUnit").value("WORKING_DAYS"))
			.andExpect(jsonPath("$.dueLocal").value("2025-02-05T16:00:00+07:00"));
	}

	@Test
	void theTimeUnitByItsOldNameIsStillAnsweredWithADeprecation() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3")
				.param("unit", "WORKING_DAYS"))
			.andExpect(status().isOk())
			// RFC 9745: the date it was deprecated, 2026-12-02T00:00:00Z
			.andExpect(header().string("Deprecation", "@1796169600"))
			.andExpect(header().string("Link", containsString("rel=\"deprecation\"")))
			.andExpect(jsonPath("$.unit").value("WORKING_DAYS"))
			.andExpect(jsonPath("$.dueLocal").value("2025-02-05T16:00:00+07:00"));
	}

	@Test
	void theTimeUnitByBothNamesOrNeitherIsA400() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3")
				.param("timeUnit", "WORKING_DAYS")
				.param("unit", "WORKING_DAYS"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("unit"));
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("MISSING_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("timeUnit"));
	}

	@Test
	void sameDayAfterTheCutOffIsDueTomorrow() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "2025-03-03T15:30:00+07:00")
				.param("amount", "0")
				.param("timeUnit", "WORKING_DAYS"))
			.andExpect(jsonPath("$.dueLocal").value("2025-03-04T17:00:00+07:00"));
	}

	@Test
	void workingTimeBetweenTwoInstants() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/working-time", WARD).param("from", "2025-03-07T16:00:00+07:00")
				.param("to", "2025-03-10T08:00:00+07:00"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workingSeconds").value(7200))
			.andExpect(jsonPath("$.workingHours").value(2.0));
	}

	@Test
	void unknownUnitIsA404NamingTheField() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", "H99.99").param("from", "2025-01-24T16:00:00Z")
				.param("amount", "1")
				.param("timeUnit", "WORKING_DAYS"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"))
			.andExpect(jsonPath("$.errors[0].field").value("unitCode"));
	}

	@Test
	void negativeAmountIsA400NamingTheField() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "2025-01-24T16:00:00Z")
				.param("amount", "-1")
				.param("timeUnit", "WORKING_DAYS"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
	}

	@Test
	void malformedInstantIsA400NamingTheField() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "24/01/2025 16:00")
				.param("amount", "1")
				.param("timeUnit", "WORKING_DAYS"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void unknownPeriodUnitAndMissingAmountAreNamed() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "2025-01-24T16:00:00Z")
				.param("amount", "1")
				.param("timeUnit", "WEEKS"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeUnit"));
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", WARD).param("from", "2025-01-24T16:00:00Z")
				.param("timeUnit", "WORKING_DAYS"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
	}

	@Test
	void holidaysOf2025ComeFromTheNotice() throws Exception {
		this.mvc.perform(get("/api/v1/calendar/{unit}/holidays", WARD).param("year", "2025"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.origin").value("BUILT_IN"))
			.andExpect(jsonPath("$.source").value("Thông báo 6150/TB-BLĐTBXH (2024)"))
			.andExpect(jsonPath("$.days[?(@.date == '2025-04-26')].kind").value("WORKING_DAY"));
		this.mvc.perform(get("/api/v1/calendar/{unit}/holidays", WARD).param("year", "2031"))
			.andExpect(jsonPath("$.origin").value("COMPUTED"));
	}

	@Test
	void aYearSetForACityAppliesToItsWardsUnlessTheyHaveTheirOwn() throws Exception {
		makeUnit("H57", null, "Tỉnh Thử Nghiệm", "PROVINCE");
		makeUnit("H57.01", "H57", "Thành phố Thử Nghiệm", "CITY");
		makeUnit("H57.01.01", "H57.01", "Phường Một", "WARD");
		// a year set for a unit replaces the whole year: it lists every day off, here 30
		// April (Friday),
		// 1 May (Saturday) and a swap of Monday 3 May with Saturday 8 May
		String year = """
				{"source": "Thông báo thử nghiệm 2027", "days": [
				  {"date": "2027-04-30", "kind": "HOLIDAY", "name": "Ngày Chiến thắng"},
				  {"date": "2027-05-01", "kind": "HOLIDAY", "name": "Ngày Quốc tế Lao động"},
				  {"date": "2027-05-03", "kind": "SWAPPED_DAY_OFF", "name": "Nghỉ hoán đổi"},
				  {"date": "2027-05-08", "kind": "WORKING_DAY", "name": "Làm bù"}]}""";
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", "H57.01", 2027).with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(year))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.origin").value("UNIT"));
		this.mvc.perform(get("/api/v1/calendar/{unit}/holidays", "H57.01.01").param("year", "2027"))
			.andExpect(jsonPath("$.origin").value("INHERITED"))
			.andExpect(jsonPath("$.definedBy").value("H57.01"));
		// Thursday 29 Apr 2027 16:00 + 1 working day: Friday off, the weekend, Monday off
		// by the swap: Tuesday 4 May
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", "H57.01.01").param("from", "2027-04-29T16:00:00+07:00")
				.param("amount", "1")
				.param("timeUnit", "WORKING_DAYS"))
			.andExpect(jsonPath("$.dueLocal").value("2027-05-04T16:00:00+07:00"));
	}

	@Test
	void aWrongYearIsRefusedWholeAndNamesTheDay() throws Exception {
		makeUnit("H58", null, "Tỉnh Sai", "PROVINCE");
		String year = """
				{"source": "sai", "days": [
				  {"date": "2026-06-01", "kind": "HOLIDAY", "name": "Đúng"},
				  {"date": "2026-06-03", "kind": "WORKING_DAY", "name": "Thứ Tư không thể là ngày làm bù"}]}""";
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", "H58", 2026).with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(year))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("CALENDAR_YEAR_INVALID"))
			.andExpect(jsonPath("$.errors[0].field").value("days[1].kind"));
		this.mvc.perform(get("/api/v1/calendar/{unit}/holidays", "H58").param("year", "2026"))
			.andExpect(jsonPath("$.origin").value("BUILT_IN"));
	}

	@Test
	void aMalformedDayKindNamesThePath() throws Exception {
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", WARD, 2026).with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\": [{\"date\": \"2026-06-01\", \"kind\": \"FEAST\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("days[0].kind"));
	}

	@Test
	void importOfSeveralYearsIsAllOrNothing() throws Exception {
		makeUnit("H59", null, "Tỉnh Nhập", "PROVINCE");
		String years = """
				[{"year": 2028, "source": "ok", "days": [{"date": "2028-06-01", "kind": "HOLIDAY", "name": "A"}]},
				 {"year": 2029, "source": "sai", "days": [{"date": "2028-06-02", "kind": "HOLIDAY", "name": "B"}]}]""";
		this.mvc
			.perform(post("/api/v1/calendar/{unit}/import", "H59").with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(years))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("[1].days[0].date"));
		this.mvc.perform(get("/api/v1/calendar/{unit}/holidays", "H59").param("year", "2028"))
			.andExpect(jsonPath("$.origin").value("COMPUTED"));
	}

	@Test
	void changingACalendarNeedsTheAdministrator() throws Exception {
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", WARD, 2026).contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\": []}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", WARD, 2026).with(httpBasic("admin", "wrong"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\": []}"))
			.andExpect(status().isUnauthorized());
	}

	private void makeUnit(String code, String parent, String name, String level) throws Exception {
		String body = "{\"code\": \"" + code + "\", " + (parent == null ? "" : "\"parentCode\": \"" + parent + "\", ")
				+ "\"name\": \"" + name + "\", \"level\": \"" + level + "\"}";
		this.mvc
			.perform(post("/api/v1/units").with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated());
	}

}
