package vn.motcua.it;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.Units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administration's officer pages: a unit's officers, registering one with roles as
 * labelled boxes, changing roles, a new password, deactivating and reactivating, and the
 * audit trail in words; errors beside their field with the input kept (not the password);
 * only who administers the officer's unit.
 */
@IntegrationTest
class OfficerAdminPageIT {

	static final String UNIT = "H93";

	static final String OTHER = "H94";

	static final String PASSWORD = "mat-khau-ban-dau-93";

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Officers officers;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void units() {
		AdminPages.province(this.units, UNIT);
		AdminPages.province(this.units, OTHER);
	}

	@Test
	void aUnitsOfficersAreListedWithTheirRolesInWords() throws Exception {
		this.mvc.perform(get("/quan-tri/don-vi/{code}/can-bo", Api.WARD).with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nguyễn Thị Hoa")))
			.andExpect(content().string(containsString("Cán bộ một cửa")))
			.andExpect(content().string(containsString("Lãnh đạo")))
			.andExpect(content().string(not(containsString("ONE_STOP_OFFICER<"))));
		this.mvc.perform(get("/quan-tri/don-vi/{code}/can-bo/moi", UNIT).with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("for=\"roles-SPECIALIST\"")))
			.andExpect(content().string(containsString("Chuyên viên")));
	}

	@Test
	void registeringAnOfficerRedirectsToTheirPageAndTheyCanSignIn() throws Exception {
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/can-bo", UNIT).with(AdminPages.ADMIN)
				.with(csrf())
				.param("fullName", "Lê Thị Hồng")
				.param("username", "h93.hong")
				.param("roles", "ONE_STOP_OFFICER", "SPECIALIST")
				.param("password", PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/quan-tri/can-bo/h93.hong"));
		assertThat(this.officers.find("h93.hong")).hasValueSatisfying(o -> {
			assertThat(o.fullName()).isEqualTo("Lê Thị Hồng");
			assertThat(o.unitCode()).isEqualTo(UNIT);
			assertThat(o.roles()).containsExactlyInAnyOrder(Role.ONE_STOP_OFFICER, Role.SPECIALIST);
		});
		this.mvc.perform(formLogin("/dang-nhap").user("h93.hong").password(PASSWORD))
			.andExpect(redirectedUrl("/can-bo"));
		this.mvc.perform(get("/quan-tri/can-bo/{username}", "h93.hong").with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Quản trị hệ thống")))
			.andExpect(content()
				.string(containsString("Tạo tài khoản tại Tỉnh thử H93, vai trò: Cán bộ một cửa, Chuyên viên")))
			.andExpect(content().string(matchesPattern("(?s).*[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}.*")))
			.andExpect(content().string(not(containsString(PASSWORD))));
	}

	@Test
	void aWrongOfficerComesBackWithTheErrorsBesideTheFieldsAndTheInputKept() throws Exception {
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/can-bo", UNIT).with(AdminPages.ADMIN)
				.with(csrf())
				.param("fullName", "Trần Văn Bình")
				.param("username", "Trần Bình")
				.param("roles", "LEADER")
				.param("password", "ngan"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"username-error\"")))
			.andExpect(content().string(containsString("Tên đăng nhập gồm 3–60 ký tự")))
			.andExpect(content().string(containsString("id=\"password-error\"")))
			.andExpect(content().string(containsString("cần ít nhất 10 ký tự")))
			.andExpect(content().string(containsString("value=\"Trần Bình\"")))
			.andExpect(content().string(containsString("value=\"Trần Văn Bình\"")))
			.andExpect(content().string(matchesPattern("(?s).*id=\"roles-LEADER\"[^>]*checked.*")))
			.andExpect(content().string(not(containsString("value=\"ngan\""))))
			.andExpect(content().string(not(containsString("lower-case"))));
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/can-bo", Api.WARD).with(AdminPages.ADMIN)
				.with(csrf())
				.param("fullName", "Người trùng tên đăng nhập")
				.param("username", Api.COUNTER)
				.param("password", PASSWORD))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Tên đăng nhập này đã có người dùng")))
			.andExpect(content().string(containsString("id=\"roles-error\"")))
			.andExpect(content().string(containsString("Hãy chọn ít nhất một vai trò")));
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/can-bo", UNIT).with(AdminPages.ADMIN)
				.with(csrf())
				.param("fullName", "Trần\u0000Bình")
				.param("username", "h93.binh")
				.param("roles", "LEADER")
				.param("password", PASSWORD))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"fullName-error\"")));
		assertThat(this.officers.find("Trần Bình")).isEmpty();
		assertThat(this.officers.find("h93.binh")).isEmpty();
	}

	@Test
	void rolesPasswordDeactivationAndReactivationAreAuditedInWords() throws Exception {
		register("h93.thu", Set.of(Role.SPECIALIST));
		this.mvc
			.perform(post("/quan-tri/can-bo/{username}/vai-tro", "h93.thu").with(AdminPages.ADMIN)
				.with(csrf())
				.param("roles", "SPECIALIST", "LEADER"))
			.andExpect(redirectedUrl("/quan-tri/can-bo/h93.thu"));
		assertThat(this.officers.find("h93.thu").orElseThrow().roles()).containsExactlyInAnyOrder(Role.SPECIALIST,
				Role.LEADER);
		this.mvc.perform(post("/quan-tri/can-bo/{username}/vai-tro", "h93.thu").with(AdminPages.ADMIN).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"roles-error\"")))
			.andExpect(content().string(containsString("Hãy chọn ít nhất một vai trò")));
		this.mvc
			.perform(post("/quan-tri/can-bo/{username}/mat-khau", "h93.thu").with(AdminPages.ADMIN)
				.with(csrf())
				.param("password", "ngan"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"password-error\"")))
			.andExpect(content().string(containsString("Mật khẩu mới cần ít nhất 10 ký tự")));
		this.mvc
			.perform(post("/quan-tri/can-bo/{username}/mat-khau", "h93.thu").with(AdminPages.ADMIN)
				.with(csrf())
				.param("password", "mot-mat-khau-moi-93"))
			.andExpect(redirectedUrl("/quan-tri/can-bo/h93.thu"));
		this.mvc.perform(formLogin("/dang-nhap").user("h93.thu").password("mot-mat-khau-moi-93"))
			.andExpect(redirectedUrl("/can-bo"));
		this.mvc.perform(get("/quan-tri/can-bo/{username}", "h93.thu").with(AdminPages.ADMIN))
			.andExpect(content().string(containsString("data-confirm=\"Khóa tài khoản của Cán bộ h93.thu (h93.thu)?")))
			.andExpect(content().string(containsString("không đăng nhập được")));
		this.mvc.perform(post("/quan-tri/can-bo/{username}/khoa", "h93.thu").with(AdminPages.ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/quan-tri/can-bo/h93.thu"));
		assertThat(this.officers.find("h93.thu").orElseThrow().active()).isFalse();
		this.mvc.perform(formLogin("/dang-nhap").user("h93.thu").password("mot-mat-khau-moi-93"))
			.andExpect(redirectedUrl("/dang-nhap?loi"));
		this.mvc.perform(post("/quan-tri/can-bo/{username}/khoa", "h93.thu").with(AdminPages.ADMIN).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Cán bộ này đã bị khóa trước đó.")));
		this.mvc.perform(post("/quan-tri/can-bo/{username}/mo-khoa", "h93.thu").with(AdminPages.ADMIN).with(csrf()))
			.andExpect(redirectedUrl("/quan-tri/can-bo/h93.thu"));
		assertThat(this.officers.find("h93.thu").orElseThrow().active()).isTrue();
		this.mvc.perform(get("/quan-tri/can-bo/{username}", "h93.thu").with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đổi vai trò: Chuyên viên → Chuyên viên, Lãnh đạo")))
			.andExpect(content().string(containsString("Đặt mật khẩu mới (gỡ tạm khóa")))
			.andExpect(content().string(containsString("Khóa tài khoản</span>")))
			.andExpect(content().string(containsString("Mở lại tài khoản</span>")))
			.andExpect(content().string(not(containsString("ROLES_CHANGED"))))
			.andExpect(content().string(not(containsString("SPECIALIST →"))));
		assertThat(this.jdbc.sql("select change from org_officer_audit where username = ? order by id")
			.param("h93.thu")
			.query(String.class)
			.list()).containsExactly("REGISTERED", "ROLES_CHANGED", "PASSWORD_RESET", "DEACTIVATED", "REACTIVATED");
	}

	@Test
	void onlyWhoAdministersTheOfficersUnit() throws Exception {
		register("h94.nam", Set.of(Role.SPECIALIST));
		this.mvc.perform(get("/quan-tri/don-vi/{code}/can-bo", Api.WARD).with(AdminPages.COUNTER))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/quan-tri/can-bo/{username}/khoa", Api.LEADER).with(AdminPages.COUNTER).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.officers.find(Api.LEADER).orElseThrow().active()).isTrue();
		var unitAdmin = AdminPages.unitAdministrator(this.officers, UNIT, "h93.quantri");
		this.mvc.perform(get("/quan-tri/don-vi/{code}/can-bo", UNIT).with(unitAdmin)).andExpect(status().isOk());
		this.mvc.perform(get("/quan-tri/don-vi/{code}/can-bo", OTHER).with(unitAdmin))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/quan-tri/can-bo/{username}", "h94.nam").with(unitAdmin))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/quan-tri/can-bo/{username}/khoa", "h94.nam").with(unitAdmin).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.officers.find("h94.nam").orElseThrow().active()).isTrue();
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/can-bo", OTHER).with(unitAdmin)
				.with(csrf())
				.param("fullName", "Người ngoài")
				.param("username", "h94.ngoai")
				.param("roles", "SPECIALIST")
				.param("password", PASSWORD))
			.andExpect(status().isForbidden());
		assertThat(this.officers.find("h94.ngoai")).isEmpty();
	}

	private void register(String username, Set<Role> roles) {
		if (this.officers.find(username).isEmpty()) {
			String unit = username.startsWith("h93") ? UNIT : OTHER;
			this.officers.register(vn.motcua.org.Actor.administrator("admin"), username, "Cán bộ " + username, unit,
					roles, PASSWORD);
		}
	}

}
