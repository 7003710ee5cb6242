package vn.motcua.api;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.ResolvedYear;
import vn.motcua.calendar.YearOrigin;
import vn.motcua.calendar.core.CalendarDay;
import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.calendar.core.DayKind;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiSliceTest(CalendarApiController.class)
class CalendarApiControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Calendars calendars;

	@Test
	void theDueTimeCountsWorkingDaysAcrossTet() throws Exception {
		given(this.calendars.forUnit("H1")).willReturn(CalendarFixture.vietnam());
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", "H1").param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3")
				.param("timeUnit", "WORKING_DAYS")
				.param("cutoff", "16:00"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Deprecation"))
			.andExpect(jsonPath("$.unitCode").value("H1"))
			.andExpect(jsonPath("$.from").value("2025-01-24T09:00:00Z"))
			.andExpect(jsonPath("$.amount").value(3))
			.andExpect(jsonPath("$.timeUnit").value("WORKING_DAYS"))
			.andExpect(jsonPath("$.due").value("2025-02-05T09:00:00Z"))
			.andExpect(jsonPath("$.dueLocal").value("2025-02-05T16:00:00+07:00"));
	}

	@Test
	void theOldNameOfTheTimeUnitIsAnsweredWithADeprecation() throws Exception {
		given(this.calendars.forUnit("H1")).willReturn(CalendarFixture.vietnam());
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", "H1").param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3")
				.param("unit", "WORKING_DAYS")
				.param("cutoff", "16:00"))
			.andExpect(status().isOk())
			.andExpect(header().string("Deprecation", "@1796169600"))
			.andExpect(header().string("Link", "</v3/api-docs>; rel=\"deprecation\"; type=\"application/json\""))
			.andExpect(jsonPath("$.timeUnit").value("WORKING_DAYS"))
			.andExpect(jsonPath("$.unit").value("WORKING_DAYS"));
	}

	@Test
	void theTimeUnitByBothNamesIsRefused() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", "H1").param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3")
				.param("timeUnit", "WORKING_DAYS")
				.param("unit", "DAYS"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("unit"));
	}

	@Test
	void theTimeUnitIsRequired() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", "H1").param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("MISSING_PARAMETER"))
			.andExpect(jsonPath("$.detail").value("timeUnit is required"))
			.andExpect(jsonPath("$.errors[0].field").value("timeUnit"))
			.andExpect(jsonPath("$.errors[0].reason").value("is required"));
	}

	@Test
	void anUnknownTimeUnitIsNamed() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", "H1").param("from", "2025-01-24T16:00:00+07:00")
				.param("amount", "3")
				.param("timeUnit", "WEEKS"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("timeUnit"));
	}

	@Test
	void aNegativeOrHugeAmountIsNamed() throws Exception {
		for (String amount : new String[] { "-1", "10001" }) {
			this.mvc
				.perform(get("/api/v1/calendar/{unit}/due", "H1").param("from", "2025-01-24T16:00:00+07:00")
					.param("amount", amount)
					.param("timeUnit", "WORKING_DAYS"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
				.andExpect(jsonPath("$.errors[0].field").value("amount"));
		}
	}

	@Test
	void aMalformedInstantIsNamed() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/working-time", "H1").param("from", "24/01/2025 16:00")
				.param("to", "2025-01-25T16:00:00+07:00"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void workingTimeMayNotRunBackwards() throws Exception {
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/working-time", "H1").param("from", "2025-03-10T08:00:00+07:00")
				.param("to", "2025-03-07T16:00:00+07:00"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("to"));
	}

	@Test
	void workingTimeBetweenTwoInstants() throws Exception {
		given(this.calendars.forUnit("H1")).willReturn(CalendarFixture.vietnam());
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/working-time", "H1").param("from", "2025-03-07T16:00:00+07:00")
				.param("to", "2025-03-10T08:00:00+07:00"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unitCode").value("H1"))
			.andExpect(jsonPath("$.workingSeconds").value(7200))
			.andExpect(jsonPath("$.workingHours").value(2.0))
			.andExpect(jsonPath("$.workingDays").value(0.25));
	}

	@Test
	void theHolidaysOfAYearSayWhereTheyComeFrom() throws Exception {
		given(this.calendars.year("H1", 2025)).willReturn(new ResolvedYear("H1", 2025, "Thông báo", YearOrigin.BUILT_IN,
				null, 247, List.of(new CalendarDay(LocalDate.of(2025, 4, 30), DayKind.HOLIDAY, "Ngày Chiến thắng"))));
		this.mvc.perform(get("/api/v1/calendar/{unit}/holidays", "H1").param("year", "2025"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.origin").value("BUILT_IN"))
			.andExpect(jsonPath("$.workingDays").value(247))
			.andExpect(jsonPath("$.days[0].date").value("2025-04-30"))
			.andExpect(jsonPath("$.days[0].kind").value("HOLIDAY"));
	}

	@Test
	void aYearWhoseBodyAndPathDifferIsRefused() throws Exception {
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", "H1", 2026).with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\": 2027, \"days\": []}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("CALENDAR_YEAR_INVALID"))
			.andExpect(jsonPath("$.errors[0].field").value("year"));
		then(this.calendars).shouldHaveNoInteractions();
	}

	@Test
	void aYearWithoutDaysOrWithAnUnknownKindIsRefusedNamingTheField() throws Exception {
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", "H1", 2026).with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"source\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
			.andExpect(jsonPath("$.errors[0].field").value("days"));
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", "H1", 2026).with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\": [{\"date\": \"2026-06-01\", \"kind\": \"FEAST\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("UNREADABLE_BODY"))
			.andExpect(jsonPath("$.errors[0].field").value("days[0].kind"));
	}

	@Test
	void changingAYearNeedsTheAdministrator() throws Exception {
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", "H1", 2026).contentType(MediaType.APPLICATION_JSON)
				.content("{\"days\": []}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"MotCua\""))
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		this.mvc
			.perform(
					put("/api/v1/calendar/{unit}/years/{year}", "H1", 2026).with(user("chuyenvien").roles("SPECIALIST"))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"days\": []}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		then(this.calendars).should(never()).putYear(any(), anyString(), any());
	}

}
