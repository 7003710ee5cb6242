package vn.motcua.api;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.org.UnitNotFound;
import vn.motcua.reporting.KpiDossiers;
import vn.motcua.reporting.KpiExports;
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
