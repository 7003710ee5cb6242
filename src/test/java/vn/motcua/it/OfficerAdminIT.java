package vn.motcua.it;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.org.NewUnit;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.Units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Officer administration through the API: every change audited, a deactivated officer
 * shut out at once, reads and changes for the administrator only.
 */
@IntegrationTest
class OfficerAdminIT {

	/**
	 * Two provinces of this test's own, so that the demo ward's officers stay as they
	 * are.
	 */
	static final String UNIT = "H81";

	static final String OTHER_UNIT = "H82";

	static final String PASSWORD = "mat-khau-ban-dau";

	static final RequestPostProcessor ADMIN = httpBasic("admin", "motcua-demo");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Units units;

	@BeforeEach
	void twoUnits() {
		for (String code : List.of(UNIT, OTHER_UNIT)) {
			if (this.units.find(code).isEmpty()) {
				this.units.register(new NewUnit(code, null, "Tỉnh thử " + code, UnitLevel.PROVINCE, null, null, null,
						null, null, null, null));
			}
		}
	}

	@Test
	void registerChangeDeactivateReactivateAndResetAreEachAudited() throws Exception {
		register("h81.motcua", UNIT, "[\"ONE_STOP_OFFICER\"]").andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/officers/h81.motcua"))
			.andExpect(jsonPath("$.fullName").value("Lê Thị Hoa"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.password").doesNotExist());
		admin(patch("/api/v1/officers/{username}", "h81.motcua"),
				"{\"roles\": [\"ONE_STOP_OFFICER\", \"SPECIALIST\"], \"unitCode\": \"" + OTHER_UNIT + "\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles", containsInAnyOrder("ONE_STOP_OFFICER", "SPECIALIST")))
			.andExpect(jsonPath("$.unitCode").value(OTHER_UNIT));
		admin(post("/api/v1/officers/{username}/deactivate", "h81.motcua"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		admin(post("/api/v1/officers/{username}/deactivate", "h81.motcua"), null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("OFFICER_INACTIVE"));
		admin(post("/api/v1/officers/{username}/reactivate", "h81.motcua"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(true));
		admin(put("/api/v1/officers/{username}/password", "h81.motcua"), "{\"password\": \"mot-mat-khau-moi\"}")
			.andExpect(status().isNoContent())
			.andExpect(content().string(""));

		signIn("h81.motcua", PASSWORD, OTHER_UNIT).andExpect(status().isUnauthorized());
		signIn("h81.motcua", "mot-mat-khau-moi", OTHER_UNIT).andExpect(status().isOk());
		admin(get("/api/v1/officers/{username}/audit", "h81.motcua"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].change").value(org.hamcrest.Matchers.contains("REGISTERED", "ROLES_CHANGED",
					"UNIT_CHANGED", "DEACTIVATED", "REACTIVATED", "PASSWORD_RESET")))
			.andExpect(jsonPath("$[0].actor").value("admin"))
			.andExpect(jsonPath("$[1].detail").value("ONE_STOP_OFFICER → ONE_STOP_OFFICER,SPECIALIST"))
			.andExpect(jsonPath("$[2].detail").value("H81 → H82"))
			.andExpect(content().string(not(containsString("mat-khau"))));
		assertThat(this.jdbc.sql("select actor, change, detail from org_officer_audit where username = ? order by id")
			.param("h81.motcua")
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
			.list()).containsExactly("admin REGISTERED unit H81; roles ONE_STOP_OFFICER",
					"admin ROLES_CHANGED ONE_STOP_OFFICER → ONE_STOP_OFFICER,SPECIALIST",
					"admin UNIT_CHANGED H81 → H82", "admin DEACTIVATED active → inactive",
					"admin REACTIVATED inactive → active", "admin PASSWORD_RESET new password set; lock-out lifted");
		assertThat(this.jdbc.sql("select password_hash from org_officer where username = ?")
			.param("h81.motcua")
			.query(String.class)
			.single()).startsWith("$2").doesNotContain("mot-mat-khau-moi");
	}

	@Test
	void aDeactivatedOfficerCannotSignInAtOnce() throws Exception {
		register("h81.chuyenvien", UNIT, "[\"SPECIALIST\"]").andExpect(status().isCreated());
		signIn("h81.chuyenvien", PASSWORD, UNIT).andExpect(status().isOk());
		admin(post("/api/v1/officers/{username}/deactivate", "h81.chuyenvien"), null).andExpect(status().isOk());
		signIn("h81.chuyenvien", PASSWORD, UNIT).andExpect(status().isUnauthorized());
		admin(get("/api/v1/officers").param("unit", UNIT), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.username == 'h81.chuyenvien')].active").value(false));
	}

	@Test
	void onlyTheAdministratorReadsOrChangesOfficers() throws Exception {
		this.mvc.perform(get("/api/v1/officers").param("unit", Api.WARD)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/officers/{username}", Api.LEADER)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/officers").param("unit", Api.WARD).with(Api.as(Api.LEADER)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/officers/{username}/audit", Api.COUNTER).with(Api.as(Api.LEADER)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/officers/{username}/deactivate", Api.COUNTER).with(Api.as(Api.LEADER))
				.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden());
		admin(get("/api/v1/officers").param("unit", Api.WARD), null).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.username == '" + Api.LEADER + "')].roles[0]").value("LEADER"))
			.andExpect(jsonPath("$[0].password").doesNotExist());
	}

	@Test
	void aUnitsAdministratorAdministersOnlyItsOwnOfficers() throws Exception {
		register("h81.quantri", UNIT, "[\"ADMINISTRATOR\"]").andExpect(status().isCreated());
		RequestPostProcessor unitAdmin = httpBasic("h81.quantri", PASSWORD);
		this.mvc.perform(get("/api/v1/officers").param("unit", UNIT).with(unitAdmin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.username == 'h81.quantri')]").exists());
		this.mvc.perform(get("/api/v1/officers").param("unit", OTHER_UNIT).with(unitAdmin))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_ALLOWED"));
		this.mvc
			.perform(post("/api/v1/officers").with(unitAdmin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("h82.motcua", OTHER_UNIT, "[\"ONE_STOP_OFFICER\"]")))
			.andExpect(status().isForbidden());
	}

	@Test
	void badInputsAreRefusedNamingEachField() throws Exception {
		admin(post("/api/v1/officers"),
				"{\"username\": \"X\", \"fullName\": \"" + "a".repeat(201)
						+ "\", \"unitCode\": \"H99\", \"roles\": [], \"password\": \"ngan\"}")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("OFFICER_INVALID"))
			.andExpect(jsonPath("$.errors[*].field",
					containsInAnyOrder("username", "fullName", "unitCode", "roles", "password")));
		admin(post("/api/v1/officers"), body("h81." + "x".repeat(57), UNIT, "[\"ONE_STOP_OFFICER\"]"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		admin(post("/api/v1/officers"), body("h81.congdan", UNIT, "[\"CITIZEN\"]")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roles"));
		admin(post("/api/v1/officers"), body("h81.sep", UNIT, "[\"BOSS\"]")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
		admin(post("/api/v1/officers"), body(Api.LEADER, UNIT, "[\"LEADER\"]")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("username"))
			.andExpect(jsonPath("$.errors[0].reason").value("'" + Api.LEADER + "' is taken"));

		register("h81.ketoan", UNIT, "[\"FINANCE_OFFICER\"]").andExpect(status().isCreated());
		admin(patch("/api/v1/officers/{username}", "h81.ketoan"), "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("roles"));
		admin(patch("/api/v1/officers/{username}", "h81.ketoan"), "{\"unitCode\": \"H99\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unitCode"));
		admin(put("/api/v1/officers/{username}/password", "h81.ketoan"), "{\"password\": \"123456789\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PASSWORD_INVALID"))
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(content().string(not(containsString("123456789"))));
		admin(put("/api/v1/officers/{username}/password", "h81.ketoan"), "{\"password\": \"" + "ă".repeat(40) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		admin(get("/api/v1/officers/{username}/audit", "h81.ketoan"), null).andExpect(jsonPath("$", hasSize(1)));
	}

	@Test
	void anUnknownOfficerIsA404() throws Exception {
		admin(get("/api/v1/officers/{username}", "khong.co"), null).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("OFFICER_NOT_FOUND"))
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		admin(patch("/api/v1/officers/{username}", "khong.co"), "{\"roles\": [\"LEADER\"]}")
			.andExpect(status().isNotFound());
		admin(post("/api/v1/officers/{username}/deactivate", "khong.co"), null).andExpect(status().isNotFound());
		admin(put("/api/v1/officers/{username}/password", "khong.co"), "{\"password\": \"mot-mat-khau-moi\"}")
			.andExpect(status().isNotFound());
		admin(get("/api/v1/officers/{username}/audit", "khong.co"), null).andExpect(status().isNotFound());
		admin(get("/api/v1/officers").param("unit", "H99"), null).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"));
	}

	@Test
	void anOfficersContactIsSetCheckedAndAudited() throws Exception {
		register("h81.thongbao", UNIT, "[\"SPECIALIST\"]").andExpect(status().isCreated());
		admin(get("/api/v1/officers/{username}/contact", "h81.thongbao"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.email").doesNotExist());
		admin(put("/api/v1/officers/{username}/contact", "h81.thongbao"),
				"{\"email\": \"khong-phai-email\", \"phone\": \"09xx\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("OFFICER_INVALID"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("email", "phone")));
		admin(put("/api/v1/officers/{username}/contact", "h81.thongbao"),
				"{\"email\": \"" + "a".repeat(110) + "@example.vn\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
		admin(put("/api/v1/officers/{username}/contact", "h81.thongbao"),
				"{\"email\": \" thong.bao@example.vn \", \"phone\": \"0912 345 678\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value("thong.bao@example.vn"))
			.andExpect(jsonPath("$.phone").value("0912345678"));
		admin(get("/api/v1/officers/{username}/contact", "h81.thongbao"), null)
			.andExpect(jsonPath("$.phone").value("0912345678"));
		admin(get("/api/v1/officers/{username}/audit", "h81.thongbao"), null)
			.andExpect(jsonPath("$[1].change").value("CONTACT_CHANGED"))
			.andExpect(jsonPath("$[1].detail").value("e-mail none → thong.bao@example.vn; phone none → 0912345678"));
		// an officer may not read or set it
		this.mvc
			.perform(get("/api/v1/officers/{username}/contact", "h81.thongbao")
				.with(httpBasic("quangcu.motcua", "motcua-demo")))
			.andExpect(status().isForbidden());
	}

	private ResultActions register(String username, String unit, String roles) throws Exception {
		return admin(post("/api/v1/officers"), body(username, unit, roles));
	}

	private static String body(String username, String unit, String roles) {
		return "{\"username\": \"" + username + "\", \"fullName\": \"Lê Thị Hoa\", \"unitCode\": \"" + unit
				+ "\", \"roles\": " + roles + ", \"password\": \"" + PASSWORD + "\"}";
	}

	private ResultActions admin(MockHttpServletRequestBuilder request, String body) throws Exception {
		request.with(ADMIN);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return this.mvc.perform(request);
	}

	/** HTTP Basic on the dossier API, as an officer would call it. */
	private ResultActions signIn(String username, String password, String unit) throws Exception {
		return this.mvc.perform(get("/api/v1/dossiers").param("unit", unit).with(httpBasic(username, password)));
	}

}
