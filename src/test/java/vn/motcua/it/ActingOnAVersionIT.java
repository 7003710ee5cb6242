package vn.motcua.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.COUNTER;
import static vn.motcua.it.Api.LEADER;
import static vn.motcua.it.Api.SPECIALIST;
import static vn.motcua.it.Api.as;

/**
 * Actions that name the version they act on (as the workspace's forms do) are served from
 * the dossiers this instance wrote last; the optimistic lock still decides (two officers
 * on the same version at once: {@link DossierApiIT}).
 */
@IntegrationTest
class ActingOnAVersionIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc);
	}

	@Test
	void aVersionWrittenByAnotherInstanceSinceIsAConflictAndTheNewOneWorks() throws Exception {
		String code = this.api.receiveBirth();
		int version = this.api.assignToSpecialist(code);
		// another instance writes the next version (this one still keeps the one it
		// wrote)
		assertThat(this.jdbc.sql("update dossier set version = version + 1 where code = ?").param(code).update())
			.isOne();

		this.api.act(SPECIALIST, code, "forward", "{\"assignee\": \"" + LEADER + "\", \"version\": " + version + "}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DOSSIER_CHANGED"))
			.andExpect(jsonPath("$.current.version").value(version + 1));
		this.api
			.act(SPECIALIST, code, "forward", "{\"assignee\": \"" + LEADER + "\", \"version\": " + (version + 1) + "}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
			.andExpect(jsonPath("$.version").value(version + 2));
		this.mvc.perform(get("/api/v1/dossiers/{code}/history", code).with(as(LEADER)))
			.andExpect(jsonPath("$", hasSize(3)));
	}

	@Test
	void actionsOnTheVersionJustWrittenFollowEachOther() throws Exception {
		String code = this.api.receiveBirth();
		int version = 0;
		String[][] steps = { { COUNTER, "assign", "\"assignee\": \"" + SPECIALIST + "\"" },
				{ SPECIALIST, "forward", "\"assignee\": \"" + LEADER + "\"" }, { LEADER, "approve", null },
				{ LEADER, "record-result", "\"resultRef\": \"KQ 1\"" },
				{ COUNTER, "return-result", "\"channel\": \"POST\"" } };
		for (String[] step : steps) {
			String body = "{" + (step[2] == null ? "" : step[2] + ", ") + "\"version\": " + version + "}";
			version = Api.json(this.api.act(step[0], code, step[1], body).andExpect(status().isOk()))
				.get("version")
				.asInt();
		}
		assertThat(version).isEqualTo(5);
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(as(LEADER)))
			.andExpect(jsonPath("$.status").value("RETURNED"))
			.andExpect(jsonPath("$.returnChannel").value("POST"))
			.andExpect(jsonPath("$.resultRef").value("KQ 1"))
			.andExpect(jsonPath("$.version").value(5));
		// acting again on a version already acted on is a conflict, not a second return
		this.api.act(COUNTER, code, "return-result", "{\"channel\": \"POST\", \"version\": 4}")
			.andExpect(status().isConflict());
	}

}
