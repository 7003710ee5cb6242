package vn.motcua.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.IntakeOutcome;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dossier API's own work, with the dossier services mocked: binding and validating
 * requests, the problem details of bad input and of the domain's refusals, the statuses
 * and the JSON of answers, and who must be signed in.
 */
@ApiSliceTest(DossierApiController.class)
class DossierApiControllerTest {

	static final String CODE = "H1-260101-0001";

	static final Actor COUNTER = new Actor("motcua", "H1", Set.of(Role.ONE_STOP_OFFICER));

	static final String INTAKE = """
			{"unit": "H1", "procedureCode": "1.001193", "channel": "COUNTER",
			 "applicant": {"name": "Nguyễn Văn A", "idNumber": "038090001234"},
			 "components": [{"name": "Tờ khai", "originals": 1}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Officers officers;

	@MockitoBean
	DossierIntake intake;

	@MockitoBean
	DossierActions actions;

	@MockitoBean
	DossierQueries queries;

	@MockitoBean
	vn.motcua.forms.ResultApproval approval;

	@BeforeEach
	void theSignedInUserIsTheCounter() {
		given(this.officers.actor(any(Authentication.class))).willReturn(COUNTER);
	}

	private static DossierView dossier() {
		Instant at = Instant.parse("2026-01-01T02:00:00Z");
		return new DossierView(CODE, "H1", "1.001193", "Đăng ký khai sinh", 1L, ProcessingTime.workingHours(5),
				Channel.COUNTER, new Applicant("Nguyễn Văn A", "038090001234", null, null, null),
				DossierStatus.RECEIVED, at, at.plusSeconds(18_000), at.plusSeconds(18_000), false, null, null, 0, 0,
				false, 2, null, null, null, null, List.of(), List.of(), at, null, null, null, 0, null);
	}

	@Test
	void anAcceptedIntakeIsCreatedWithItsLocation() throws Exception {
		given(this.intake.intake(eq(COUNTER), any(), anyList()))
			.willReturn(new DossierIntake.IntakeResult(IntakeOutcome.ACCEPTED, dossier(), List.of(), null));
		this.mvc
			.perform(post("/api/v1/dossiers").with(user("motcua").roles("ONE_STOP_OFFICER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(INTAKE))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/dossiers/" + CODE))
			.andExpect(jsonPath("$.outcome").value("ACCEPTED"))
			.andExpect(jsonPath("$.dossier.code").value(CODE))
			.andExpect(jsonPath("$.dossier.dueAt").value("2026-01-01T07:00:00Z"));
	}

	@Test
	void anIncompleteIntakeIsAnsweredWithWhatIsMissing() throws Exception {
		given(this.intake.intake(eq(COUNTER), any(), anyList()))
			.willReturn(new DossierIntake.IntakeResult(IntakeOutcome.GUIDANCE, null, List.of("Giấy chứng sinh"), null));
		this.mvc
			.perform(post("/api/v1/dossiers").with(user("motcua").roles("ONE_STOP_OFFICER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(INTAKE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("GUIDANCE"))
			.andExpect(jsonPath("$.missing[0]").value("Giấy chứng sinh"));
	}

	@Test
	void badIntakeFieldsAreNamedAndNothingIsTakenIn() throws Exception {
		this.mvc
			.perform(post("/api/v1/dossiers").with(user("motcua").roles("ONE_STOP_OFFICER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"unit": "H1", "procedureCode": "1.001193", "channel": "COUNTER",
						 "applicant": {"name": " ", "idNumber": "0123456789012345678901"}}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("applicant.name", "applicant.idNumber")));
		this.mvc
			.perform(post("/api/v1/dossiers").with(user("motcua").roles("ONE_STOP_OFFICER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(INTAKE.replace("\"COUNTER\"", "\"FAX\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("UNREADABLE_BODY"))
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
		then(this.intake).should(never()).intake(any(), any(), anyList());
	}

	@Test
	void theDossierApiIsForSignedInUsers() throws Exception {
		this.mvc.perform(get("/api/v1/dossiers/{code}", CODE))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
	}

	@Test
	void theAllowedActionsAreListedWithWhoMayTakeTheStep() throws Exception {
		given(this.actions.allowed(COUNTER, CODE)).willReturn(List.of(
				new DossierActions.AllowedAction(DossierAction.ASSIGN,
						List.of(new Officer("chuyenvien", "Lê Văn Nam", "H1", Set.of(Role.SPECIALIST), true))),
				new DossierActions.AllowedAction(DossierAction.STOP, List.of())));
		this.mvc.perform(get("/api/v1/dossiers/{code}/actions", CODE).with(user("motcua").roles("ONE_STOP_OFFICER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].action").value(contains("assign", "stop")))
			.andExpect(jsonPath("$[0].assignees[0].username").value("chuyenvien"))
			.andExpect(jsonPath("$[0].assignees[0].fullName").value("Lê Văn Nam"))
			.andExpect(jsonPath("$[1].assignees").isEmpty());
	}

	@Test
	void anUnknownActionIsABadParameterAndTheDomainsRefusalsKeepTheirStatus() throws Exception {
		this.mvc
			.perform(post("/api/v1/dossiers/{code}/actions/{action}", CODE, "sign")
				.with(user("motcua").roles("ONE_STOP_OFFICER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("action"));
		given(this.approval.approve(eq(COUNTER), eq(CODE), any(), any()))
			.willThrow(new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED, "'approve' is for a leader",
					List.of(Problem.Violation.of("action", "'approve' is for a leader"))));
		this.mvc
			.perform(post("/api/v1/dossiers/{code}/actions/{action}", CODE, "approve")
				.with(user("motcua").roles("ONE_STOP_OFFICER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"version\": 3}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("NOT_ALLOWED"));
	}

	@Test
	void aListFilterOfTheWrongTypeIsNamed() throws Exception {
		this.mvc
			.perform(get("/api/v1/dossiers").param("unit", "H1")
				.param("status", "LOST")
				.with(user("motcua").roles("ONE_STOP_OFFICER")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

}
