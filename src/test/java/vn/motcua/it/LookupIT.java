package vn.motcua.it;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class LookupIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private String birthWithPhone() {
		Actor counter = Actor.of(this.officers.find(Api.COUNTER).orElseThrow());
		DossierIntake.IntakeRequest b = Api.birth();
		return this.intake
			.intake(counter,
					new DossierIntake.IntakeRequest(b.unitCode(), b.procedureCode(), b.channel(),
							new vn.motcua.dossier.Applicant("Hà Văn Bình", "038099004567", "0987654321", null, null),
							b.components(), false, null),
					List.of())
			.dossier()
			.code();
	}

	private void returnIt(String code) {
		Actor counter = Actor.of(this.officers.find(Api.COUNTER).orElseThrow());
		Actor specialist = Actor.of(this.officers.find(Api.SPECIALIST).orElseThrow());
		Actor leader = Actor.of(this.officers.find(Api.LEADER).orElseThrow());
		this.actions.act(counter, code, DossierAction.ASSIGN, request(Api.SPECIALIST, null, null));
		this.actions.act(specialist, code, DossierAction.FORWARD, request(Api.LEADER, null, null));
		this.actions.act(leader, code, DossierAction.APPROVE, request(null, null, null));
		this.actions.act(leader, code, DossierAction.RECORD_RESULT, request(null, "KQ", null));
		this.actions.act(counter, code, DossierAction.RETURN_RESULT, request(null, null, ReturnChannel.COUNTER));
	}

	private static DossierActions.ActionRequest request(String assignee, String result, ReturnChannel channel) {
		return new DossierActions.ActionRequest(assignee, null, null, null, result, channel, null);
	}

	@Test
	void theApplicantFindsTheDossierWithFourDigitsOfIdOrPhone() throws Exception {
		String code = birthWithPhone();
		this.mvc.perform(get("/api/v1/lookup/{code}", code).param("digits", "4321").with(from("10.1.0.1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andExpect(jsonPath("$.applicant").doesNotExist());
		this.mvc.perform(get("/api/v1/lookup/{code}", code).param("digits", "4567").with(from("10.1.0.1")))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/lookup/{code}", code).param("digits", "0000").with(from("10.1.0.1")))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/tra-cuu").param("code", code).param("digits", "4321").with(from("10.1.0.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã tiếp nhận")));
	}

	@Test
	void lookUpsAreLimitedPerAddress() throws Exception {
		// 30 look-ups per 10 minutes from one address (motcua.limits.lookup.*)
		for (int i = 0; i < 30; i++) {
			this.mvc
				.perform(get("/api/v1/lookup/{code}", "H56.15.40-000000-" + i).param("digits", "1234")
					.with(from("10.2.0.1")))
				.andExpect(status().isNotFound());
		}
		this.mvc
			.perform(get("/api/v1/lookup/{code}", "H56.15.40-000000-31").param("digits", "1234").with(from("10.2.0.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.code").value("TOO_MANY_REQUESTS"));
		this.mvc.perform(get("/tra-cuu").param("code", "x").param("digits", "1234").with(from("10.2.0.1")))
			.andExpect(status().isTooManyRequests());
		this.mvc
			.perform(get("/api/v1/lookup/{code}", "H56.15.40-000000-12").param("digits", "1234").with(from("10.2.0.2")))
			.andExpect(status().isNotFound());
	}

	@Test
	void ratingsSentAtTheSameMomentMakeOneRatingAndTheOthersAre409() throws Exception {
		String code = birthWithPhone();
		returnIt(code);
		int tries = 8;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tries);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < tries; i++) {
			String address = "10.3.1." + i;
			answers.add(pool.submit(() -> {
				start.await();
				return this.mvc
					.perform(post("/api/v1/lookup/{code}/rating", code).with(from(address))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"digits\": \"4321\", \"rating\": \"SATISFIED\"}"))
					.andReturn()
					.getResponse()
					.getStatus();
			}));
		}
		start.countDown();
		List<Integer> statuses = new java.util.ArrayList<>();
		for (java.util.concurrent.Future<Integer> answer : answers) {
			statuses.add(answer.get());
		}
		pool.shutdown();
		assertThat(statuses).containsOnly(204, 409);
		assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
	}

	@Test
	void aReturnedDossierIsRatedOnceAndNotSatisfiedNeedsAReason() throws Exception {
		String code = birthWithPhone();
		this.mvc
			.perform(post("/api/v1/lookup/{code}/rating", code).with(from("10.3.0.1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"digits\": \"4321\", \"rating\": \"SATISFIED\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("NOT_RETURNED"));
		returnIt(code);
		this.mvc
			.perform(post("/api/v1/lookup/{code}/rating", code).with(from("10.3.0.1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"digits\": \"4321\", \"rating\": \"NOT_SATISFIED\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.mvc
			.perform(post("/api/v1/lookup/{code}/rating", code).with(from("10.3.0.1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"digits\": \"4321\", \"rating\": \"NOT_SATISFIED\", \"reason\": \"Phải đi lại hai lần\"}"))
			.andExpect(status().isNoContent());
		this.mvc
			.perform(post("/api/v1/lookup/{code}/rating", code).with(from("10.3.0.1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"digits\": \"4321\", \"rating\": \"SATISFIED\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("ALREADY_RATED"));
	}

}
