package vn.motcua.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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

	@Test
	void fiveWrongPasswordsLockTheAccountAndEveryAttemptIsAudited() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.mvc.perform(formLogin("/dang-nhap").user("trungson.chuyenvien").password("sai-mat-khau"))
				.andExpect(redirectedUrl("/dang-nhap?loi"));
		}
		this.mvc.perform(formLogin("/dang-nhap").user("trungson.chuyenvien").password("motcua-demo"))
			.andExpect(redirectedUrl("/dang-nhap?loi"));
		assertThat(this.jdbc.sql("select outcome from org_signin_audit where username = ? order by id")
			.param("trungson.chuyenvien")
			.query(String.class)
			.list()).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "REFUSED");
		assertThat(this.jdbc.sql("select locked_until is not null from org_officer where username = ?")
			.param("trungson.chuyenvien")
			.query(Boolean.class)
			.single()).isTrue();
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
