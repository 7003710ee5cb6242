package vn.motcua.api;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.OfficerNotFound;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The officers' administration API: for administrators only (reads too: they are personal
 * data), a password never answered back, the organisation's refusals as problem details.
 */
@ApiSliceTest(OfficerApiController.class)
class OfficerApiControllerTest {

	static final Actor ADMIN = Actor.administrator("admin");

	static final Officer SPECIALIST = new Officer("chuyenvien", "Lê Văn Nam", "H1", Set.of(Role.SPECIALIST), true);

	@Autowired
	MockMvc mvc;

	@Autowired
	Officers officers;

	@BeforeEach
	void theSignedInUserIsTheAdministrator() {
		given(this.officers.actor(any(Authentication.class))).willReturn(ADMIN);
	}

	@Test
	void aRegisteredOfficerIsCreatedAndTheirPasswordIsNotAnsweredBack() throws Exception {
		given(this.officers.register(eq(ADMIN), eq("chuyenvien"), eq("Lê Văn Nam"), eq("H1"), anySet(),
				eq("mat-khau-du-dai")))
			.willReturn(SPECIALIST);
		this.mvc
			.perform(post("/api/v1/officers").with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"username": "chuyenvien", "fullName": "Lê Văn Nam", "unitCode": "H1",
						 "roles": ["SPECIALIST"], "password": "mat-khau-du-dai"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/officers/chuyenvien"))
			.andExpect(jsonPath("$.roles[0]").value("SPECIALIST"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(content().string(not(containsString("mat-khau"))));
	}

	@Test
	void theOrganisationsRefusalsAreProblemDetails() throws Exception {
		given(this.officers.register(eq(ADMIN), any(), any(), any(), any(), any()))
			.willThrow(Problem.invalid(ProblemCode.OFFICER_INVALID, "The officer cannot be registered",
					List.of(Problem.Violation.of("username", "'chuyenvien' is taken"))));
		this.mvc
			.perform(post("/api/v1/officers").with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\": \"chuyenvien\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("OFFICER_INVALID"))
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		given(this.officers.get(ADMIN, "khongco")).willThrow(OfficerNotFound.forUsername("khongco"));
		this.mvc.perform(get("/api/v1/officers/{username}", "khongco").with(httpBasic("admin", "motcua-demo")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("OFFICER_NOT_FOUND"));
	}

	@Test
	void aPasswordResetAnswersNothing() throws Exception {
		this.mvc
			.perform(put("/api/v1/officers/{username}/password", "chuyenvien").with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"password\": \"mat-khau-moi-dai\"}"))
			.andExpect(status().isNoContent())
			.andExpect(content().string(""));
		then(this.officers).should().resetPassword(ADMIN, "chuyenvien", "mat-khau-moi-dai");
	}

	@Test
	void readingOfficersIsForAdministratorsOnly() throws Exception {
		this.mvc.perform(get("/api/v1/officers").param("unit", "H1")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/officers").param("unit", "H1").with(user("lanhdao").roles("LEADER")))
			.andExpect(status().isForbidden());
		then(this.officers).should(never()).ofUnit(any(), any());
	}

}
