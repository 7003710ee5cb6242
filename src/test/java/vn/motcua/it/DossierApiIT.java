package vn.motcua.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.COUNTER;
import static vn.motcua.it.Api.LEADER;
import static vn.motcua.it.Api.OTHER_WARD_COUNTER;
import static vn.motcua.it.Api.SPECIALIST;
import static vn.motcua.it.Api.SPECIALIST_2;
import static vn.motcua.it.Api.as;

@IntegrationTest
class DossierApiIT {

	@Autowired
	MockMvc mvc;

	Api api;

	@org.junit.jupiter.api.BeforeEach
	void setUp() {
		this.api = new Api(this.mvc);
	}

	@Test
	void counterIntakeThroughApprovalToReturn() throws Exception {
		var intake = this.api.intake(COUNTER, Api.BIRTH)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.outcome").value("ACCEPTED"))
			.andExpect(jsonPath("$.dossier.code", matchesPattern("H56\\.15\\.40-\\d{6}-\\d{4}")))
			.andExpect(jsonPath("$.dossier.status").value("RECEIVED"))
			.andExpect(jsonPath("$.dossier.receivedAt").exists())
			.andExpect(jsonPath("$.dossier.dueAt").exists())
			.andExpect(jsonPath("$.dossier.steps", hasSize(4)))
			.andExpect(jsonPath("$.dossier.steps[0].completedBy").value(COUNTER));
		String code = Api.json(intake).get("dossier").get("code").asString();
		intake.andExpect(header().string("Location", "/api/v1/dossiers/" + code));

		this.api.act(COUNTER, code, "assign", "{\"assignee\": \"" + SPECIALIST + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_PROCESSING"))
			.andExpect(jsonPath("$.currentAssignee").value(SPECIALIST));
		this.api.act(SPECIALIST, code, "forward", "{\"assignee\": \"" + LEADER + "\", \"note\": \"Đủ điều kiện\"}")
			.andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"));
		this.api.act(LEADER, code, "approve", null).andExpect(jsonPath("$.status").value("APPROVED"));
		this.api.act(LEADER, code, "record-result", "{\"resultRef\": \"Giấy khai sinh số 15/2026\"}")
			.andExpect(jsonPath("$.status").value("RESULT_READY"))
			// early when the due time (5 working hours) falls on a later day than now, on
			// time when on the same day: it depends on the hour the test runs
			.andExpect(jsonPath("$.timeliness").value(org.hamcrest.Matchers.oneOf("EARLY", "ON_TIME")));
		this.api.act(COUNTER, code, "return-result", "{\"channel\": \"COUNTER\"}")
			.andExpect(jsonPath("$.status").value("RETURNED"))
			.andExpect(jsonPath("$.returnChannel").value("COUNTER"))
			.andExpect(jsonPath("$.steps[3].completedBy").value(COUNTER));

		this.mvc.perform(get("/api/v1/dossiers/{code}/history", code).with(as(LEADER)))
			.andExpect(jsonPath("$", hasSize(6)))
			.andExpect(jsonPath("$[0].action").value("RECEIVE"))
			.andExpect(jsonPath("$[0].facts.channel").value("COUNTER"))
			.andExpect(jsonPath("$[0].facts.dueAt").exists())
			.andExpect(jsonPath("$[1].actor").value(COUNTER))
			.andExpect(jsonPath("$[1].actorName").value("Nguyễn Thị Hoa"))
			.andExpect(jsonPath("$[1].note").doesNotExist())
			.andExpect(jsonPath("$[1].facts.assignee").value(SPECIALIST))
			.andExpect(jsonPath("$[1].facts.assigneeName").value("Lê Văn Nam"))
			.andExpect(jsonPath("$[2].facts.step").value(3))
			.andExpect(jsonPath("$[2].note").value("Đủ điều kiện"))
			.andExpect(jsonPath("$[4].facts.resultRef").value("Giấy khai sinh số 15/2026"))
			.andExpect(jsonPath("$[5].facts.returnChannel").value("COUNTER"))
			.andExpect(jsonPath("$[5].to").value("RETURNED"));
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(as(SPECIALIST)))
			.andExpect(jsonPath("$.applicant.name").value("Nguyễn Văn An"));
	}

	@Test
	void anIncompleteDossierGetsAGuidanceSlipAndNoCode() throws Exception {
		this.api.intake(COUNTER, """
				{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER",
				 "applicant": {"name": "Trần Thị Bình"},
				 "components": [{"name": "to khai dang ky khai sinh", "originals": 1}]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("GUIDANCE"))
			.andExpect(jsonPath("$.dossier").doesNotExist())
			.andExpect(jsonPath("$.missing", hasSize(2)));
	}

	@Test
	void theCounterMayRefuseWithAReason() throws Exception {
		this.api.intake(COUNTER, """
				{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER",
				 "applicant": {"name": "Lê Văn Cường"}, "refuse": true}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("refusalReason"));
		this.api.intake(COUNTER, """
				{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER",
				 "applicant": {"name": "Lê Văn Cường"}, "refuse": true,
				 "refusalReason": "Không thuộc thẩm quyền của phường"}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("REFUSED"));
	}

	@Test
	void badIntakesNameTheField() throws Exception {
		this.api.intake(COUNTER,
				"""
						{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER",
						 "applicant": {"name": "A"}, "components": [{"name": "Giấy không có trong danh mục", "originals": 1}]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("components[0].name"));
		this.api.intake(COUNTER, """
				{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "FAX", "applicant": {"name": "A"}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
		this.api.intake(COUNTER, """
				{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER", "applicant": {}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicant.name"));
		this.api.intake(COUNTER, """
				{"unit": "H56.15.40", "procedureCode": "9.999999", "channel": "COUNTER", "applicant": {"name": "A"}}""")
			.andExpect(status().isNotFound());
	}

	@Test
	void whoMayDoWhat() throws Exception {
		this.mvc.perform(get("/api/v1/dossiers").param("unit", Api.WARD)).andExpect(status().isUnauthorized());
		this.api.intake(SPECIALIST, Api.BIRTH).andExpect(status().isForbidden());
		this.api.intake(OTHER_WARD_COUNTER, Api.BIRTH).andExpect(status().isForbidden());
		String code = this.api.receiveBirth();
		// an officer of another ward neither sees nor acts on it, and cannot list the
		// ward's dossiers
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(as(OTHER_WARD_COUNTER)))
			.andExpect(status().isNotFound());
		this.api.act(OTHER_WARD_COUNTER, code, "stop", null).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/dossiers").param("unit", Api.WARD).with(as(OTHER_WARD_COUNTER)))
			.andExpect(status().isForbidden());
		// a specialist who is not assigned cannot act
		this.api.act(COUNTER, code, "assign", "{\"assignee\": \"" + SPECIALIST + "\"}").andExpect(status().isOk());
		this.api.act(SPECIALIST_2, code, "forward", null)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_ALLOWED"));
		this.api.act(SPECIALIST, code, "approve", null).andExpect(status().isConflict());
		this.api.act(COUNTER, code, "assign", "{\"assignee\": \"" + LEADER + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("assignee"));
	}

	@Test
	void aCitySupervisorReadsTheWardsDossiersButActsOnNone() throws Exception {
		String code = this.api.receiveBirth();
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(as("samson.giamsat"))).andExpect(status().isOk());
		this.mvc
			.perform(
					get("/api/v1/dossiers").param("unit", Api.WARD).param("overdue", "true").with(as("samson.giamsat")))
			.andExpect(status().isOk());
		this.api.act("samson.giamsat", code, "stop", null).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(as(OTHER_WARD_COUNTER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void actionsCheckTheStatusAndTheirInput() throws Exception {
		String code = this.api.receiveBirth();
		this.api.act(LEADER, code, "record-result", "{\"resultRef\": \"x\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("INVALID_STATUS_TRANSITION"));
		this.api.act(LEADER, code, "teleport", null)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("action"));
		this.api.act(COUNTER, code, "request-supplement", "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		this.api.act(COUNTER, code, "apologize", "{\"reason\": \"x\", \"newDueAt\": \"tomorrow\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("newDueAt"));
		this.mvc.perform(get("/api/v1/dossiers/{code}", "H56.15.40-000000-0000").with(as(COUNTER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void actingOnAnOldVersionIsAConflictWithTheCurrentState() throws Exception {
		String code = this.api.receiveBirth();
		this.api.act(COUNTER, code, "assign", "{\"assignee\": \"" + SPECIALIST + "\", \"version\": 0}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		this.api.act(COUNTER, code, "assign", "{\"assignee\": \"" + SPECIALIST_2 + "\", \"version\": 0}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("DOSSIER_CHANGED"))
			.andExpect(jsonPath("$.current.version").value(1))
			.andExpect(jsonPath("$.current.currentAssignee").value(SPECIALIST));
	}

	@Test
	void twoOfficersActingAtOnceGetExactlyOneConflict() throws Exception {
		twoOfficersForwardAtOnce(version -> "");
	}

	/** As the workspace does: both name the version they were shown. */
	@Test
	void twoOfficersActingOnTheSameVersionAtOnceGetExactlyOneConflict() throws Exception {
		twoOfficersForwardAtOnce(version -> ", \"version\": " + version);
	}

	private void twoOfficersForwardAtOnce(IntFunction<String> versionField) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				String code = this.api.receiveBirth();
				int version = this.api.assignToSpecialist(code);
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<Integer>> results = new ArrayList<>();
				for (String officer : List.of(SPECIALIST, LEADER)) {
					results.add(pool.submit(() -> {
						together.await();
						return this.api
							.act(officer, code, "forward",
									"{\"note\": \"" + officer + "\"" + versionField.apply(version) + "}")
							.andReturn()
							.getResponse()
							.getStatus();
					}));
				}
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> r : results) {
					statuses.add(r.get());
				}
				assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
				this.mvc.perform(get("/api/v1/dossiers/{code}/history", code).with(as(LEADER)))
					.andExpect(jsonPath("$", hasSize(3)));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void listsByStatusAndAssignee() throws Exception {
		String code = this.api.receiveBirth();
		this.api.act(COUNTER, code, "assign", "{\"assignee\": \"" + SPECIALIST_2 + "\"}").andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/dossiers").param("unit", Api.WARD).param("assignee", SPECIALIST_2).with(as(LEADER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.code == '" + code + "')]").exists())
			.andExpect(jsonPath("$.items[0].overdue").value(false));
		this.mvc
			.perform(get("/api/v1/dossiers").param("unit", Api.WARD)
				.param("status", "RETURNED")
				.param("size", "200")
				.with(as(LEADER)))
			.andExpect(jsonPath("$.items[?(@.code == '" + code + "')]").doesNotExist());
		this.mvc.perform(get("/api/v1/dossiers").param("unit", Api.WARD).param("overdue", "true").with(as(LEADER)))
			.andExpect(jsonPath("$.items[?(@.code == '" + code + "')]").doesNotExist());
		this.mvc.perform(get("/api/v1/dossiers").param("unit", Api.WARD).param("status", "FLYING").with(as(LEADER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

}
