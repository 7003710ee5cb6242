package vn.motcua.it;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.COUNTER;
import static vn.motcua.it.Api.LEADER;
import static vn.motcua.it.Api.SPECIALIST;

/**
 * Dossier events reach the reporting read model through the event publication registry.
 */
@IntegrationTest
class ReportingIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aResolvedDossierIsCountedAndItsEventsAreCompleted() throws Exception {
		Api api = new Api(this.mvc);
		Instant from = Instant.now().minus(Duration.ofHours(1));
		Instant to = Instant.now().plus(Duration.ofDays(1));
		JsonNode before = report(from, to);
		String code = api.receiveBirth();
		api.act(COUNTER, code, "assign", "{\"assignee\": \"" + SPECIALIST + "\"}").andExpect(status().isOk());
		api.act(SPECIALIST, code, "forward", "{\"assignee\": \"" + LEADER + "\"}").andExpect(status().isOk());
		api.act(LEADER, code, "approve", null).andExpect(status().isOk());
		api.act(LEADER, code, "record-result", "{\"resultRef\": \"KQ\"}").andExpect(status().isOk());

		JsonNode after = before;
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline && after.get("resolved").asLong() == before.get("resolved").asLong()) {
			Thread.sleep(50);
			after = report(from, to);
		}
		assertThat(after.get("received").asLong()).isEqualTo(before.get("received").asLong() + 1);
		assertThat(after.get("resolved").asLong()).isEqualTo(before.get("resolved").asLong() + 1);
		assertThat(after.get("early").asLong() + after.get("onTime").asLong())
			.isEqualTo(before.get("early").asLong() + before.get("onTime").asLong() + 1);
		assertThat(this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPeriodNeedsAnEndAfterItsStart() throws Exception {
		this.mvc
			.perform(get("/api/v1/reports/{unit}/timeliness", Api.WARD).param("from", "2025-01-02T00:00:00Z")
				.param("to", "2025-01-01T00:00:00Z"))
			.andExpect(status().isBadRequest());
	}

	private JsonNode report(Instant from, Instant to) throws Exception {
		return Api.json(
				this.mvc
					.perform(get("/api/v1/reports/{unit}/timeliness", Api.WARD).param("from", from.toString())
						.param("to", to.toString()))
					.andExpect(status().isOk()));
	}

}
