package vn.motcua.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Running it (issue 10): metrics for Prometheus, for the administrator only; reads of
 * dossiers and files audited, supervisors' and the administrator's included.
 */
@IntegrationTest
class OperationsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void prometheusScrapesTheShopsMetricsWithTheAdministratorsPassword() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic(Api.LEADER, "motcua-demo")))
			.andExpect(status().isForbidden());
		String code = new Api(this.mvc).receiveBirth();
		this.mvc.perform(get("/api/v1/lookup/{code}", code).param("digits", "1234")).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/lookup/{code}", code).param("digits", "9999")).andExpect(status().isNotFound());
		this.mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "motcua-demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("motcua_dossiers_received_total{channel=\"COUNTER\"}")))
			.andExpect(content().string(containsString("motcua_lookups_total{outcome=\"found\"}")))
			.andExpect(content().string(containsString("motcua_lookups_total{outcome=\"not-found\"}")))
			.andExpect(content().string(containsString("motcua_events_pending")))
			.andExpect(content().string(containsString("motcua_events_oldest_pending_seconds")))
			.andExpect(content().string(containsString("motcua_calendars_total")))
			.andExpect(content().string(containsString("http_server_requests_seconds")));
	}

	@Test
	void everyReadOfADossierIsAuditedAndTheAdministratorReadsTheAudit() throws Exception {
		String code = new Api(this.mvc).receiveBirth();
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(Api.as(Api.LEADER))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/dossiers/{code}/history", code).with(Api.as("samson.giamsat")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(httpBasic("admin", "motcua-demo")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/dossiers/{code}/reads", code).with(Api.as(Api.LEADER)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/dossiers/{code}/reads", code).with(httpBasic("admin", "motcua-demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].actor").value("admin"))
			.andExpect(jsonPath("$[0].what").value("DOSSIER"))
			.andExpect(jsonPath("$[1].actor").value("samson.giamsat"))
			.andExpect(jsonPath("$[1].what").value("HISTORY"))
			.andExpect(jsonPath("$[2].actor").value(Api.LEADER));
		// a read refused (another ward's officer) is no read
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(Api.as(Api.OTHER_WARD_COUNTER)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select count(*) from dossier_read where dossier_code = ? and actor = ?")
			.params(code, Api.OTHER_WARD_COUNTER)
			.query(Integer.class)
			.single()).isZero();
	}

}
