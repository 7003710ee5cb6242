package vn.motcua.it;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SignInIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theWorkspaceNeedsSigningIn() throws Exception {
		this.mvc.perform(get("/can-bo")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dang-nhap"));
		this.mvc.perform(formLogin("/dang-nhap").user(Api.LEADER).password("motcua-demo"))
			.andExpect(redirectedUrl("/can-bo"));
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/dang-nhap").param("username", Api.LEADER).param("password", "motcua-demo"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/can-bo/ho-so/x/approve").with(csrf())).andExpect(status().is3xxRedirection());
	}

	private static String address() {
		java.util.UUID u = java.util.UUID.randomUUID();
		return "10." + (u.getLeastSignificantBits() & 0xff) + "." + ((u.getLeastSignificantBits() >> 8) & 0xff) + "."
				+ ((u.getLeastSignificantBits() >> 16) & 0xff);
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private ResultActions signIn(String username, String password, String address) throws Exception {
		return this.mvc.perform(post("/dang-nhap").with(csrf())
			.with(from(address))
			.param("username", username)
			.param("password", password));
	}

	/** An officer of the ward of the test's own (password mot-mat-khau-dai). */
	private String officer(String prefix, String fullName, String role) throws Exception {
		String officer = prefix + java.util.UUID.randomUUID().toString().substring(0, 8);
		this.mvc
			.perform(post("/api/v1/officers").with(httpBasic("admin", "motcua-demo"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"username\": \"" + officer + "\", \"fullName\": \"" + fullName + "\", \"unitCode\": \""
						+ Api.WARD + "\", \"roles\": [\"" + role + "\"], \"password\": \"mot-mat-khau-dai\"}"))
			.andExpect(status().isCreated());
		return officer;
	}

	private List<String> audit(String username) {
		return this.jdbc.sql("select outcome from org_signin_audit where username = ? order by id")
			.param(username)
			.query(String.class)
			.list();
	}

	@Test
	void fiveWrongPasswordsFromOneAddressStopThatAddressOnlyAndEveryAttemptIsAudited() throws Exception {
		String stranger = address();
		for (int i = 0; i < 5; i++) {
			signIn("trungson.chuyenvien", "sai-mat-khau", stranger).andExpect(redirectedUrl("/dang-nhap?loi"));
		}
		// the right password from the stranger's address is refused now, unchecked
		signIn("trungson.chuyenvien", "motcua-demo", stranger).andExpect(redirectedUrl("/dang-nhap?loi"));
		// the officer, from another address, signs in
		signIn("trungson.chuyenvien", "motcua-demo", address()).andExpect(redirectedUrl("/can-bo"));
		assertThat(audit("trungson.chuyenvien")).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE",
				"THROTTLED", "SUCCESS");
		assertThat(this.jdbc.sql("select locked_until is null from org_officer where username = ?")
			.param("trungson.chuyenvien")
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aStrangerGuessingFromManyAddressesCannotLockTheOfficerOutAtTheirDesk() throws Exception {
		// an officer of its own: the account is throttled for the day
		String officer = officer("thu.ganglap.", "Thử Gặp Lập", "SPECIALIST");
		String desk = address();
		signIn(officer, "mot-mat-khau-dai", desk).andExpect(redirectedUrl("/can-bo"));
		// 50 failures from ten addresses use up the account's budget for the day
		for (int a = 0; a < 10; a++) {
			String stranger = address();
			for (int i = 0; i < 5; i++) {
				signIn(officer, "doan-" + a + "-" + i, stranger).andExpect(redirectedUrl("/dang-nhap?loi"));
			}
		}
		// a new address, even with the right password, is refused for the rest of the day
		signIn(officer, "mot-mat-khau-dai", address()).andExpect(redirectedUrl("/dang-nhap?loi"));
		assertThat(audit(officer)).last().isEqualTo("THROTTLED");
		// the officer at their desk signs in as always
		signIn(officer, "mot-mat-khau-dai", desk).andExpect(redirectedUrl("/can-bo"));
	}

	@Test
	void aBurstOfGuessesInParallelSpendsTheBudgetAsOneByOne() throws Exception {
		String stranger = address();
		int tries = 12;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tries);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
		for (int i = 0; i < tries; i++) {
			String guess = "doan-song-song-" + i;
			sent.add(pool.submit(() -> {
				start.await();
				return signIn("trungson.lanhdao", guess, stranger).andReturn();
			}));
		}
		start.countDown();
		for (java.util.concurrent.Future<?> attempt : sent) {
			attempt.get();
		}
		pool.shutdown();
		// five passwords were checked, the other seven refused unchecked
		assertThat(audit("trungson.lanhdao")).filteredOn("FAILURE"::equals).hasSize(5);
		assertThat(audit("trungson.lanhdao")).filteredOn("THROTTLED"::equals).hasSize(tries - 5);
	}

	@Test
	void aRememberedApiSignInLosesARoleAtOnce() throws Exception {
		String officer = officer("thu.vaitro.", "Thử Vai Trò", "ADMINISTRATOR");
		String desk = address();
		this.mvc.perform(get("/actuator/prometheus").with(from(desk)).with(httpBasic(officer, "mot-mat-khau-dai")))
			.andExpect(status().isOk());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.patch("/api/v1/officers/{username}", officer)
				.with(httpBasic("admin", "motcua-demo"))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"roles\": [\"SPECIALIST\"]}"))
			.andExpect(status().isOk());
		// within the minute the sign-in is remembered, the role is gone already (the
		// metrics are guarded by the role alone)
		this.mvc.perform(get("/actuator/prometheus").with(from(desk)).with(httpBasic(officer, "mot-mat-khau-dai")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aSuccessClearsTheAddressCount() throws Exception {
		String desk = address();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				signIn("trungson.motcua", "sai-mat-khau", desk).andExpect(redirectedUrl("/dang-nhap?loi"));
			}
			signIn("trungson.motcua", "motcua-demo", desk).andExpect(redirectedUrl("/can-bo"));
		}
	}

	@Test
	void theAdministratorIsThrottledToo() throws Exception {
		String stranger = address();
		for (int i = 0; i < 5; i++) {
			this.mvc
				.perform(get("/api/v1/officers").param("unit", Api.WARD)
					.with(from(stranger))
					.with(httpBasic("admin", "doan-" + i)))
				.andExpect(status().isUnauthorized());
		}
		// the right password from there is refused, unchecked (the sign-in page remembers
		// nothing)
		signIn("admin", "motcua-demo", stranger).andExpect(redirectedUrl("/dang-nhap?loi"));
		signIn("admin", "motcua-demo", address()).andExpect(redirectedUrl("/can-bo"));
		assertThat(audit("admin")).contains("FAILURE", "THROTTLED", "SUCCESS");
	}

	@Test
	void anApiSignInIsAuditedWhenItsPasswordIsChecked() throws Exception {
		int before = audit(Api.SPECIALIST_2).size();
		String desk = address();
		for (int i = 0; i < 3; i++) {
			this.mvc
				.perform(get("/api/v1/dossiers").param("unit", Api.WARD)
					.with(from(desk))
					.with(httpBasic(Api.SPECIALIST_2, "motcua-demo")))
				.andExpect(status().isOk());
		}
		// checked once, then remembered for a minute
		assertThat(audit(Api.SPECIALIST_2).subList(before, audit(Api.SPECIALIST_2).size())).containsExactly("SUCCESS");
		this.mvc
			.perform(get("/api/v1/dossiers").param("unit", Api.WARD)
				.with(from(desk))
				.with(httpBasic(Api.SPECIALIST_2, "not-the-password")))
			.andExpect(status().isUnauthorized());
		assertThat(audit(Api.SPECIALIST_2)).last().isEqualTo("FAILURE");
	}

	@Test
	void aSupervisorFollowsTheWardsOverdueListsAndSeesNoActions() throws Exception {
		var supervisor = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user("samson.giamsat")
			.roles("SUPERVISOR");
		this.mvc.perform(get("/can-bo").with(supervisor))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("— Phường Quảng Cư")));
		String code = new Api(this.mvc).receiveBirth();
		this.mvc.perform(get("/can-bo/ho-so/{code}", code).with(supervisor))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"action-"))));
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		this.mvc.perform(get("/thu-tuc"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().exists("Content-Security-Policy"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

}
