package vn.motcua.api;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.org.UnitNotFound;
import vn.motcua.reporting.KpiDossiers;
import vn.motcua.reporting.KpiExports;
import vn.motcua.reporting.KpiFigures;
import vn.motcua.reporting.KpiReport;
import vn.motcua.reporting.Kpis;
import vn.motcua.reporting.Reports;
import vn.motcua.reporting.TimelinessReport;

import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiSliceTest(ReportApiController.class)
class ReportApiControllerTest {

	static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

	static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Reports reports;

	@MockitoBean
	Kpis kpis;

	@MockitoBean
	KpiDossiers dossiers;

	@MockitoBean
	KpiExports exports;

	@Test
	void kpisAnswerTheContractsFiguresAtTheTopWithRatesAsFractions() throws Exception {
		KpiFigures f = new KpiFigures(9_100, 7_000, 200, 1_900, 30, 9_078, 8_000, 1_036, 42, 42.0 / 9_078,
				9_036.0 / 9_078, 52, 50, 2, 300, 10, 8, 7, 60, 1_900.0 / 9_100, 100, 95, 0.95);
		given(this.kpis.report(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.eq("H1"),
				org.mockito.ArgumentMatchers.eq(LocalDate.of(2023, 1, 1)),
				org.mockito.ArgumentMatchers.eq(LocalDate.of(2024, 9, 30)), org.mockito.ArgumentMatchers.eq(false),
				org.mockito.ArgumentMatchers.isNull()))
			.willReturn(new KpiReport("H1", "Phường Một", LocalDate.of(2023, 1, 1), LocalDate.of(2024, 9, 30), false,
					null, 184, 125, f, java.util.List.of()));
		this.mvc
			.perform(get("/api/v1/reports/{unit}/kpis", "H1").param("from", "2023-01-01")
				.param("to", "2024-09-30")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user("samson.giamsat")
					.roles("SUPERVISOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(9_100))
			.andExpect(jsonPath("$.resolved").value(9_078))
			.andExpect(jsonPath("$.resolvedEarly").value(8_000))
			.andExpect(jsonPath("$.resolvedOnTime").value(1_036))
			.andExpect(jsonPath("$.resolvedLate").value(42))
			.andExpect(jsonPath("$.lateRate").value(42.0 / 9_078))
			.andExpect(jsonPath("$.inProgress").value(52))
			.andExpect(jsonPath("$.overdue").value(2))
			.andExpect(jsonPath("$.procedures").value(184))
			.andExpect(jsonPath("$.proceduresPosted").value(125))
			.andExpect(jsonPath("$.figures").doesNotExist());
	}

	@Test
	void kpisNeedASignIn() throws Exception {
		this.mvc.perform(get("/api/v1/reports/{unit}/kpis", "H1").param("from", "2023-01-01").param("to", "2024-09-30"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void timelinessIsPublicAndNamesEveryFigure() throws Exception {
		given(this.reports.timeliness("H1", FROM, TO))
			.willReturn(new TimelinessReport("H1", FROM, TO, 12, 10, 3, 5, 2, 80.0, 20.0));
		this.mvc
			.perform(get("/api/v1/reports/{unit}/timeliness", "H1").param("from", "2026-01-01T00:00:00Z")
				.param("to", "2026-02-01T00:00:00Z"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.unitCode").value("H1"))
			.andExpect(jsonPath("$.from").value("2026-01-01T00:00:00Z"))
			.andExpect(jsonPath("$.received").value(12))
			.andExpect(jsonPath("$.resolved").value(10))
			.andExpect(jsonPath("$.early").value(3))
			.andExpect(jsonPath("$.onTime").value(5))
			.andExpect(jsonPath("$.late").value(2))
			.andExpect(jsonPath("$.onTimePercent").value(80.0))
			.andExpect(jsonPath("$.latePercent").value(20.0));
	}

	@Test
	void aMalformedInstantIsNamed() throws Exception {
		this.mvc
			.perform(get("/api/v1/reports/{unit}/timeliness", "H1").param("from", "01/01/2026")
				.param("to", "2026-02-01T00:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void aMissingEndIsNamed() throws Exception {
		this.mvc.perform(get("/api/v1/reports/{unit}/timeliness", "H1").param("from", "2026-01-01T00:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("MISSING_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("to"));
	}

	@Test
	void anUnknownUnitIsA404() throws Exception {
		given(this.reports.timeliness("H99", FROM, TO)).willThrow(UnitNotFound.forCode("unitCode", "H99"));
		this.mvc
			.perform(get("/api/v1/reports/{unit}/timeliness", "H99").param("from", "2026-01-01T00:00:00Z")
				.param("to", "2026-02-01T00:00:00Z"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"))
			.andExpect(jsonPath("$.errors[0].field").value("unitCode"));
	}

	/**
	 * A method the path does not take is refused, for the administrator, with a problem
	 * detail whose {@code code} says so.
	 */
	@Test
	void otherMethodsNeedTheAdministratorAndThenAreNotAllowed() throws Exception {
		this.mvc.perform(post("/api/v1/reports/{unit}/timeliness", "H1"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		this.mvc.perform(post("/api/v1/reports/{unit}/timeliness", "H1").with(httpBasic("admin", "motcua-demo")))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
	}

	@Test
	void theDossiersBehindANumberNeedASignedInReaderAndAMeasure() throws Exception {
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", "H1").param("from", "2026-01-01")
				.param("to", "2026-01-31")
				.param("measure", "received"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", "H1").param("from", "2026-01-01")
				.param("to", "2026-01-31")
				.with(httpBasic("admin", "motcua-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

}
