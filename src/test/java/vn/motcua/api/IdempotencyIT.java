package vn.motcua.api;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.it.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.motcua.shared.Sql.utc;

/**
 * Retries with an {@code Idempotency-Key} (ADR 25): a retried intake makes one dossier
 * and answers the same code, also when the retries race; the same key with another body
 * is a 422; a retried action is applied once; failures are not kept; a claim left by a
 * crashed instance is taken over once its lease passes; expired answers are swept.
 */
@IntegrationTest
class IdempotencyIT {

	private static final String COUNTER = "quangcu.motcua";

	private static final String SPECIALIST = "quangcu.chuyenvien";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdempotentRequests requests;

	@Autowired
	Clock clock;

	/** A complete birth registration by an applicant of the given name. */
	private static String birth(String applicant) {
		return """
				{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER",
				 "applicant": {"name": "%s", "idNumber": "038090001234", "phone": "0912345678"},
				 "components": [
				   {"name": "Tờ khai đăng ký khai sinh", "originals": 1},
				   {"name": "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", "originals": 1},
				   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}]}"""
			.formatted(applicant);
	}

	private static String applicant() {
		return "Người thử " + UUID.randomUUID().toString().substring(0, 8);
	}

	private MockHttpServletResponse intake(String key, String body) throws Exception {
		return send(post("/api/v1/dossiers"), key, body);
	}

	private MockHttpServletResponse act(String key, String code, String action, String body) throws Exception {
		return send(post("/api/v1/dossiers/{code}/actions/{action}", code, action), key, body);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String key, String body)
			throws Exception {
		request.with(httpBasic(COUNTER, "motcua-demo")).contentType(MediaType.APPLICATION_JSON).content(body);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static JsonNode json(MockHttpServletResponse response) throws Exception {
		return JSON.readTree(response.getContentAsString());
	}

	private int dossiersOf(String applicant) {
		return this.jdbc.sql("select count(*) from dossier where applicant_name = ?")
			.param(applicant)
			.query(Integer.class)
			.single();
	}

	@Test
	void aRetriedIntakeMakesOneDossierAndAnswersTheSameCode() throws Exception {
		String name = applicant();
		String key = UUID.randomUUID().toString();
		MockHttpServletResponse first = intake(key, birth(name));
		MockHttpServletResponse retry = intake(key, birth(name));
		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(retry.getStatus()).isEqualTo(201);
		assertThat(json(retry).get("dossier").get("code").asString())
			.isEqualTo(json(first).get("dossier").get("code").asString());
		assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location")).isNotNull();
		assertThat(retry.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
		assertThat(new String(retry.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("\"procedureName\":\"Đăng ký khai sinh\"")
			.contains(name);
		assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.getHeader("Idempotent-Replayed")).isNull();
		assertThat(dossiersOf(name)).isEqualTo(1);
		assertThat(this.jdbc.sql("select body from api_idempotency where idem_key = ?")
			.param(key)
			.query(String.class)
			.single()).contains("Đăng ký khai sinh");
	}

	@Test
	void withoutAKeyARetryMakesASecondDossier() throws Exception {
		String name = applicant();
		assertThat(intake(null, birth(name)).getStatus()).isEqualTo(201);
		assertThat(intake(null, birth(name)).getStatus()).isEqualTo(201);
		assertThat(dossiersOf(name)).isEqualTo(2);
	}

	@Test
	void concurrentRetriesWithTheSameKeyMakeOneDossier() throws Exception {
		String name = applicant();
		String key = UUID.randomUUID().toString();
		int threads = 8;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < threads; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return intake(key, birth(name));
				}));
			}
			Set<String> codes = new TreeSet<>();
			int conflicts = 0;
			for (Future<MockHttpServletResponse> answer : answers) {
				MockHttpServletResponse response = answer.get();
				if (response.getStatus() == 409) {
					assertThat(json(response).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
					conflicts++;
				}
				else {
					assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
					codes.add(json(response).get("dossier").get("code").asString());
				}
			}
			assertThat(codes).hasSize(1);
			assertThat(conflicts).isLessThan(threads);
			MockHttpServletResponse later = intake(key, birth(name));
			assertThat(later.getStatus()).isEqualTo(201);
			assertThat(json(later).get("dossier").get("code").asString()).isEqualTo(codes.iterator().next());
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(dossiersOf(name)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithADifferentBodyIs422AndChangesNothing() throws Exception {
		String name = applicant();
		String key = UUID.randomUUID().toString();
		assertThat(intake(key, birth(name)).getStatus()).isEqualTo(201);
		MockHttpServletResponse other = intake(key, birth(name + " khác"));
		assertThat(other.getStatus()).isEqualTo(422);
		assertThat(other.getContentType()).startsWith("application/problem+json");
		assertThat(json(other).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(json(other).get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		assertThat(dossiersOf(name)).isEqualTo(1);
		assertThat(dossiersOf(name + " khác")).isZero();
	}

	@Test
	void keysAreTheCallersOwn() throws Exception {
		String key = UUID.randomUUID().toString();
		String name = applicant();
		assertThat(intake(key, birth(name)).getStatus()).isEqualTo(201);
		// another ward's officer with the same key: a request of its own, not a reuse
		MockHttpServletResponse other = this.mvc
			.perform(post("/api/v1/dossiers").with(httpBasic("trungson.motcua", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(birth(name).replace("H56.15.40", "H56.15.41"))
				.header("Idempotency-Key", key))
			.andReturn()
			.getResponse();
		assertThat(other.getStatus()).as(other.getContentAsString()).isEqualTo(201);
		assertThat(other.getHeader("Idempotent-Replayed")).isNull();
		assertThat(dossiersOf(name)).isEqualTo(2);
	}

	@Test
	void aRetriedActionIsAppliedOnce() throws Exception {
		String code = json(intake(null, birth(applicant()))).get("dossier").get("code").asString();
		String key = UUID.randomUUID().toString();
		String assign = "{\"assignee\": \"" + SPECIALIST + "\"}";
		MockHttpServletResponse first = act(key, code, "assign", assign);
		MockHttpServletResponse retry = act(key, code, "assign", assign);
		assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
		assertThat(retry.getStatus()).isEqualTo(200);
		assertThat(retry.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
		assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.jdbc
			.sql("select count(*) from dossier_history h join dossier d on d.id = h.dossier_id"
					+ " where d.code = ? and h.action = 'ASSIGN'")
			.param(code)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// the same key on another action of the same dossier is another request
		assertThat(act(key, code, "forward", "{}").getStatus()).isEqualTo(422);
	}

	@Test
	void aFailureIsNotKeptSoTheRetryRunsAgain() throws Exception {
		String name = applicant();
		String key = UUID.randomUUID().toString();
		String missingUnit = birth(name).replace("\"unit\": \"H56.15.40\",", "");
		assertThat(intake(key, missingUnit).getStatus()).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from api_idempotency where idem_key = ?")
			.param(key)
			.query(Integer.class)
			.single()).isZero();
		assertThat(intake(key, birth(name)).getStatus()).isEqualTo(201);
		assertThat(dossiersOf(name)).isEqualTo(1);
	}

	@Test
	void aBadKeyIs400() throws Exception {
		for (String key : new String[] { "", " ", "k".repeat(101), "khóa-một", "a\tb" }) {
			MockHttpServletResponse response = intake(key, birth(applicant()));
			assertThat(response.getStatus()).as("key '%s'", key).isEqualTo(400);
			assertThat(json(response).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
		}
		assertThat(intake("k".repeat(100), birth(applicant())).getStatus()).isEqualTo(201);
	}

	@Test
	void aClaimWhoseLeaseRanOutIsTakenOverAndOneInItsLeaseIs409() throws Exception {
		String name = applicant();
		String body = birth(name);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/dossiers");
		String hash = IdempotencyFilter.hash(request, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String crashed = UUID.randomUUID().toString();
		String running = UUID.randomUUID().toString();
		var now = this.clock.instant();
		for (Object[] row : new Object[][] { { crashed, now.minusSeconds(5) }, { running, now.plusSeconds(60) } }) {
			this.jdbc
				.sql("insert into api_idempotency (principal, idem_key, request_hash, owner, locked_until, created_at,"
						+ " expires_at) values (?, ?, ?, ?, ?, ?, ?)")
				.params(COUNTER, row[0], hash, UUID.randomUUID().toString(), utc((java.time.Instant) row[1]),
						utc(now.minusSeconds(60)), utc(now.plus(Duration.ofHours(1))))
				.update();
		}
		MockHttpServletResponse busy = intake(running, body);
		assertThat(busy.getStatus()).isEqualTo(409);
		assertThat(json(busy).get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_IN_PROGRESS");
		assertThat(dossiersOf(name)).isZero();
		MockHttpServletResponse taken = intake(crashed, body);
		assertThat(taken.getStatus()).isEqualTo(201);
		assertThat(intake(crashed, body).getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(dossiersOf(name)).isEqualTo(1);
	}

	@Test
	void theSweepDeletesExpiredAnswers() throws Exception {
		String key = UUID.randomUUID().toString();
		assertThat(intake(key, birth(applicant())).getStatus()).isEqualTo(201);
		this.jdbc.sql("update api_idempotency set expires_at = ? where idem_key = ?")
			.params(utc(this.clock.instant().minusSeconds(1)), key)
			.update();
		assertThat(this.requests.sweep()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from api_idempotency where idem_key = ?")
			.param(key)
			.query(Integer.class)
			.single()).isZero();
	}

}
