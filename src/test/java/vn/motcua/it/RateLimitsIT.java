package vn.motcua.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.shared.Budget;
import vn.motcua.shared.Database;
import vn.motcua.shared.RateLimited;
import vn.motcua.shared.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The limits on what the public may try (ADR 17), counted in the database: a budget per
 * use and client address, wrong digits per dossier (failed proofs only), 429 with
 * {@code Retry-After} on the API and the pages, and one count for every instance. Each
 * test takes addresses of its own, since the counts live as long as the database.
 */
@IntegrationTest
class RateLimitsIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	DossierIntake intake;

	@Autowired
	Officers officers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Database database;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Environment environment;

	@Autowired
	Clock clock;

	@Autowired
	RateLimits limits;

	private static String address() {
		UUID u = UUID.randomUUID();
		return "10." + (u.getLeastSignificantBits() & 0xff) + "." + ((u.getLeastSignificantBits() >> 8) & 0xff) + "."
				+ ((u.getLeastSignificantBits() >> 16) & 0xff);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A birth registration whose applicant's phone ends in 4321. */
	private String dossier() {
		Actor counter = Actor.of(this.officers.find(Api.COUNTER).orElseThrow());
		DossierIntake.IntakeRequest b = Api.birth();
		return this.intake
			.intake(counter,
					new DossierIntake.IntakeRequest(b.unitCode(), b.procedureCode(), b.channel(),
							new Applicant("Đào Văn Khánh", "038099008765", "0987654321", null, null), b.components(),
							false, null),
					List.of())
			.dossier()
			.code();
	}

	@Test
	void eachUseHasItsOwnBudgetPerAddress() throws Exception {
		String wifi = address();
		String code = dossier();
		for (int i = 0; i < 30; i++) {
			this.mvc.perform(get("/api/v1/lookup/{code}", code).param("digits", "4321").with(from(wifi)))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/api/v1/lookup/{code}", code).param("digits", "4321").with(from(wifi)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.code").value("TOO_MANY_REQUESTS"))
			.andExpect(
					jsonPath("$.detail").value(containsString("At most 30 look-ups from one address per 10 minutes")));
		// the page is the same budget: 429, Retry-After, and the wait in Vietnamese
		this.mvc.perform(get("/tra-cuu").param("code", code).param("digits", "4321").with(from(wifi)))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("Bạn đã thử quá nhiều lần từ địa chỉ mạng này")))
			.andExpect(content().string(containsString(" phút.")));
		// the same address may still rate, submit online and type a code: other budgets
		this.mvc
			.perform(post("/api/v1/lookup/{code}/rating", code).with(from(wifi))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"digits\": \"4321\", \"rating\": \"SATISFIED\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("NOT_RETURNED"));
		this.mvc
			.perform(post("/nop-truc-tuyen/xac-minh").param("pendingId", "none")
				.param("code", "123456")
				.with(from(wifi))
				.with(csrf()))
			.andExpect(status().isNotFound());
		// and another address may look up
		this.mvc.perform(get("/api/v1/lookup/{code}", code).param("digits", "4321").with(from(address())))
			.andExpect(status().isOk());
	}

	@Test
	void wrongDigitsAreLimitedPerDossierWhateverTheAddress() throws Exception {
		String code = dossier();
		// the link in a message names the code only: the form, with no try counted
		this.mvc.perform(get("/tra-cuu").param("code", code).with(from(address())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)));
		assertThat(rows(code)).isZero();
		// successful look-ups count nothing against the dossier
		for (int i = 0; i < 25; i++) {
			this.mvc.perform(get("/api/v1/lookup/{code}", code).param("digits", "4321").with(from(address())))
				.andExpect(status().isOk());
		}
		// twenty wrong guesses, each from a new address, by look-up and by rating
		for (int i = 0; i < 10; i++) {
			this.mvc
				.perform(get("/api/v1/lookup/{code}", code).param("digits", String.format("%04d", i))
					.with(from(address())))
				.andExpect(status().isNotFound());
			this.mvc
				.perform(post("/api/v1/lookup/{code}/rating", code).with(from(address()))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"digits\": \"" + String.format("%04d", 100 + i) + "\", \"rating\": \"SATISFIED\"}"))
				.andExpect(status().isNotFound());
		}
		// now even the right digits from a new address wait until the day's window ends
		String retryAfter = this.mvc
			.perform(get("/api/v1/lookup/{code}", code).param("digits", "4321").with(from(address())))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.detail")
				.value(containsString("At most 20 wrong codes or digits for one dossier per 1 day")))
			.andReturn()
			.getResponse()
			.getHeader("Retry-After");
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 86_400L);
		this.mvc.perform(get("/tra-cuu").param("code", code).param("digits", "4321").with(from(address())))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", retryAfter))
			.andExpect(content().string(containsString("Hồ sơ này đã bị tra cứu sai quá nhiều lần")));
		// another dossier is not touched
		this.mvc.perform(get("/api/v1/lookup/{code}", dossier()).param("digits", "4321").with(from(address())))
			.andExpect(status().isOk());
	}

	@Test
	void twoInstancesCountInTheSameDatabase() {
		RateLimits one = new RateLimits(this.jdbc, this.database, this.clock, this.transactions, this.environment);
		RateLimits two = new RateLimits(this.jdbc, this.database, this.clock, this.transactions, this.environment);
		String wifi = address();
		for (int i = 0; i < 10; i++) {
			(i % 2 == 0 ? one : two).acquire(Budget.SUBMISSION, wifi);
			(i % 2 == 0 ? two : one).acquire(Budget.SUBMISSION, wifi);
		}
		// twenty in all, the submission budget of an hour
		assertThatThrownBy(() -> one.acquire(Budget.SUBMISSION, wifi)).isInstanceOf(RateLimited.class)
			.matches(ex -> ((RateLimited) ex).retryAfter().compareTo(Duration.ofHours(1)) <= 0);
		assertThatThrownBy(() -> two.acquire(Budget.SUBMISSION, wifi)).isInstanceOf(RateLimited.class);
		// other budgets of the address, and the application's own limiter, agree
		two.acquire(Budget.CODE_ENTRY, wifi);
		assertThatThrownBy(() -> this.limits.acquire(Budget.SUBMISSION, wifi)).isInstanceOf(RateLimited.class);
	}

	@Test
	void aSubjectAClientChoseReachesTheTableOnlyAsAHash() {
		String odd = "H56\u0000" + "x".repeat(5_000);
		for (int i = 0; i < 20; i++) {
			this.limits.count(Budget.WRONG_DIGITS, odd);
		}
		assertThatThrownBy(() -> this.limits.check(Budget.WRONG_DIGITS, odd)).isInstanceOf(RateLimited.class);
		assertThat(this.jdbc.sql("select max(length(subject)) from rate_limit_counter where subject like 'sha256:%'")
			.query(Integer.class)
			.single()).isEqualTo(71);
	}

	@Test
	void windowsThatHavePassedAreSwept() {
		String wifi = address();
		this.limits.acquire(Budget.LOOKUP, wifi);
		this.limits.count(Budget.WRONG_DIGITS, "H56.15.40-260101-9999");
		// an instance whose clock reads a day and a half later sweeps both
		RateLimits later = new RateLimits(this.jdbc, this.database,
				Clock.fixed(Instant.now().plus(Duration.ofHours(36)), ZoneId.of("Asia/Ho_Chi_Minh")), this.transactions,
				this.environment);
		assertThat(rows(wifi) + rows("H56.15.40-260101-9999")).isEqualTo(2);
		assertThat(later.sweep()).isGreaterThanOrEqualTo(2);
		assertThat(rows(wifi) + rows("H56.15.40-260101-9999")).isZero();
	}

	private long rows(String subject) {
		return this.jdbc.sql("select count(*) from rate_limit_counter where subject = ?")
			.param(subject)
			.query(Long.class)
			.single();
	}

}
