package vn.motcua.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.COUNTER;
import static vn.motcua.it.Api.LEADER;
import static vn.motcua.it.Api.OTHER_WARD_COUNTER;
import static vn.motcua.it.Api.SPECIALIST;
import static vn.motcua.it.Api.as;

/**
 * The API answers which actions the signed-in officer may take on a dossier now, and whom
 * they may hand it to; the workspace shows the same and nothing more.
 */
@IntegrationTest
class AllowedActionsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	vn.motcua.org.Officers officers;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc);
	}

	@Test
	void eachOfficerIsOfferedWhatTheirRoleAndAssignmentAllowAndAssigneesWhoMayTakeTheStep() throws Exception {
		String code = this.api.receiveBirth();
		// a birth registration is due within five working hours: too soon for an apology,
		// which must come a working day ahead, so none is offered
		this.mvc.perform(get("/api/v1/dossiers/{code}/actions", code).with(as(COUNTER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].action").value(contains("assign", "request-supplement", "stop", "withdraw")))
			// the specialist's step goes to specialists only: not the counter, the leader
			// or the finance officer
			.andExpect(jsonPath("$[0].assignees[*].username").value(hasItem(SPECIALIST)))
			.andExpect(jsonPath("$[0].assignees[*].username").value(not(hasItem(COUNTER))))
			.andExpect(jsonPath("$[0].assignees[*].username").value(not(hasItem(LEADER))));
		this.mvc.perform(get("/api/v1/dossiers/{code}/actions", code).with(as(SPECIALIST)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
		this.api.assignToSpecialist(code);
		this.mvc.perform(get("/api/v1/dossiers/{code}/actions", code).with(as(SPECIALIST)))
			.andExpect(jsonPath("$[*].action").value(contains("forward", "send-back", "request-supplement")))
			.andExpect(jsonPath("$[0].assignees[*].username").value(contains(LEADER)));
		this.mvc.perform(get("/api/v1/dossiers/{code}/actions", code).with(as(OTHER_WARD_COUNTER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anOfficerDeactivatedWhileSignedInNeitherReadsNorActs() throws Exception {
		String code = this.api.receiveBirth();
		this.officers.register(vn.motcua.org.Actor.administrator("admin"), "quangcu.tamthoi", "Cán bộ tạm thời",
				Api.WARD, java.util.Set.of(vn.motcua.org.Role.SPECIALIST), "mat-khau-du-dai");
		this.api.act(COUNTER, code, "assign", "{\"assignee\": \"quangcu.tamthoi\"}").andExpect(status().isOk());
		this.officers.deactivate(vn.motcua.org.Actor.administrator("admin"), "quangcu.tamthoi");
		// a page session signed in before the deactivation keeps its authorities
		var session = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("quangcu.tamthoi")
			.roles("SPECIALIST");
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(session)).andExpect(status().isForbidden());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.post("/api/v1/dossiers/{code}/actions/forward", code)
				.with(session)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theWorkspaceShowsOnlyTheAllowedActions() throws Exception {
		String code = this.api.receiveBirth();
		this.mvc
			.perform(get("/can-bo/ho-so/{code}", code)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(SPECIALIST)
					.roles("SPECIALIST")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(not(org.hamcrest.Matchers.containsString("id=\"action-"))));
	}

}
