package vn.motcua.it;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierHistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.as;

/**
 * On a fresh start the demo wards' histories come in through the importer, and Quảng Cư's
 * KPIs for 1 Jan 2023 – 30 Sep 2024 are exactly the seed's (DOMAIN §12).
 */
@IntegrationTest
@TestPropertySource(properties = { "motcua.test.database=demo-history", "motcua.test.demo-history=true",
		"motcua.history.poll=PT0.2S" })
class DemoHistoryIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DossierHistory history;

	@Test
	void quangCuShowsTheSeedsFigures() throws Exception {
		long started = System.nanoTime();
		long deadline = started + Duration.ofMinutes(8).toNanos();
		while (System.nanoTime() < deadline
				&& (count("select count(*) from history_import_job where status <> 'DONE'") > 0
						|| count("select count(*) from history_import_job") < 3
						|| count("select count(*) from event_publication") > 0)) {
			Thread.sleep(500);
		}
		System.out.printf("Demo history imported and counted in %d s%n",
				Duration.ofNanos(System.nanoTime() - started).toSeconds());
		assertThat(count("select count(*) from history_import_job where status = 'DONE'")).isEqualTo(3);
		assertThat(count("select coalesce(sum(failed), 0) + coalesce(sum(differing), 0) from history_import_job"))
			.isZero();
		assertThat(count("select count(*) from event_publication")).isZero();

		JsonNode kpis = Api.json(
				this.mvc
					.perform(get("/api/v1/reports/{unit}/kpis", Api.WARD).param("from", "2023-01-01")
						.param("to", "2024-09-30")
						.with(as("samson.giamsat")))
					.andExpect(status().isOk()));
		assertThat(kpis.get("resolved").asLong()).isEqualTo(9_078);
		assertThat(kpis.get("resolvedEarly").asLong() + kpis.get("resolvedOnTime").asLong()).isEqualTo(9_036);
		assertThat(kpis.get("resolvedLate").asLong()).isEqualTo(42);
		assertThat(kpis.get("lateRate").asDouble()).isEqualTo(42.0 / 9_078);
		assertThat(kpis.get("procedures").asLong()).isEqualTo(184);
		assertThat(kpis.get("proceduresPosted").asLong()).isEqualTo(125);
		assertThat(kpis.get("supplementRequests").asLong()).isPositive();
		assertThat(kpis.get("apologies").asLong()).isPositive();
		assertThat(kpis.get("onlineShare").asDouble()).isBetween(0.15, 0.30);

		DossierHistory.ImportedFigures figures = this.history.importedFigures(Api.WARD);
		assertThat((double) figures.digitized() / figures.dossiers()).isBetween(0.25, 0.35);
		assertThat(figures.paidOnline()).isZero();

		// the city sees its three wards
		JsonNode city = Api.json(
				this.mvc
					.perform(get("/api/v1/reports/{unit}/kpis", "H56.15").param("from", "2023-01-01")
						.param("to", "2024-09-30")
						.param("subtree", "true")
						.param("by", "unit")
						.with(as("samson.giamsat")))
					.andExpect(status().isOk()));
		assertThat(city.get("resolved").asLong()).isEqualTo(9_078 + 5_130 + 3_870);
		assertThat(city.get("resolvedLate").asLong()).isEqualTo(42 + 61 + 19);
		assertThat(LocalDate.parse(city.get("to").asString())).isEqualTo(LocalDate.of(2024, 9, 30));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
