package vn.motcua.it;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.org.Officers;
import vn.motcua.org.SupplementMode;
import vn.motcua.org.Units;
import vn.motcua.shared.WorkingHours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administration's unit pages: the tree, registering a unit, a unit's settings
 * versions and a new one from tomorrow; errors beside their field with the input kept;
 * only administrators, and a unit's administrator only for their unit.
 */
@IntegrationTest
class UnitAdminPageIT {

	static final String PROVINCE = "H91";

	static final String OTHER = "H92";

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Officers officers;

	@BeforeEach
	void provinces() {
		AdminPages.province(this.units, PROVINCE);
		AdminPages.province(this.units, OTHER);
	}

	@Test
	void theTreeShowsUnitsUnderTheirParentsAndTheHeaderLinksToIt() throws Exception {
		this.mvc.perform(get("/quan-tri").with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỉnh Thanh Hóa")))
			.andExpect(content().string(containsString("class=\"depth-2\"")))
			.andExpect(content().string(containsString("Phường Quảng Cư")))
			.andExpect(content().string(containsString("href=\"/quan-tri\">Quản trị</a>")))
			.andExpect(content().string(containsString("+ Đăng ký đơn vị")));
		this.mvc.perform(get("/can-bo").with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("API quản trị"))))
			.andExpect(content().string(containsString("href=\"/quan-tri/don-vi/H56.15.40/can-bo\"")));
	}

	@Test
	void thePagesReadInEnglishOnRequest() throws Exception {
		this.mvc.perform(get("/quan-tri/don-vi/{code}", Api.WARD).param("lang", "en").with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Working hours over time")))
			.andExpect(content().string(containsString("Saturday, Sunday")))
			.andExpect(content().string(containsString("07:00–11:30, 13:30–17:00")))
			.andExpect(content().string(not(containsString("Giờ làm việc theo từng thời kỳ"))));
	}

	@Test
	void registeringAUnitRedirectsToItsPageAndKeepsIt() throws Exception {
		this.mvc
			.perform(post("/quan-tri/don-vi").with(AdminPages.ADMIN)
				.with(csrf())
				.param("parentCode", PROVINCE)
				.param("level", "CITY")
				.param("code", PROVINCE + ".01")
				.param("unitName", "Thành phố Thử Một")
				.param("address", "Số 1 đường Thử")
				.param("workingHours", "07:30–11:30, 13:00–17:00")
				.param("weekend", "SUNDAY")
				.param("sameDayCutoff", "16:00")
				.param("supplementMode", "RESTART"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/quan-tri/don-vi/" + PROVINCE + ".01"));
		var unit = this.units.get("unit", PROVINCE + ".01");
		assertThat(unit.name()).isEqualTo("Thành phố Thử Một");
		assertThat(unit.parentCode()).isEqualTo(PROVINCE);
		assertThat(unit.hours()).isEqualTo(WorkingHours.parse("07:30-11:30,13:00-17:00"));
		assertThat(unit.weekend()).containsExactly(java.time.DayOfWeek.SUNDAY);
		assertThat(unit.supplementMode()).isEqualTo(SupplementMode.RESTART);
		this.mvc.perform(get("/quan-tri/don-vi/{code}", PROVINCE + ".01").with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("07:30–11:30, 13:00–17:00")))
			.andExpect(content().string(containsString("Chủ nhật")))
			.andExpect(content().string(containsString("Tính lại từ đầu khi nhận đủ bổ sung")))
			.andExpect(content().string(not(containsString("07:30-11:30,13:00-17:00"))));
	}

	@Test
	void aWrongUnitComesBackWithTheErrorsBesideTheFieldsAndTheInputKept() throws Exception {
		this.mvc
			.perform(post("/quan-tri/don-vi").with(AdminPages.ADMIN)
				.with(csrf())
				.param("parentCode", PROVINCE)
				.param("level", "WARD")
				.param("code", "x-91")
				.param("unitName", "Phường Thử Sai")
				.param("email", "khong-phai-thu")
				.param("workingHours", "8 giờ đến 17 giờ"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"email-error\"")))
			.andExpect(content().string(containsString("Hãy nhập địa chỉ thư điện tử đúng dạng")))
			.andExpect(content().string(containsString("id=\"workingHours-error\"")))
			.andExpect(content().string(containsString("Hãy ghi giờ làm việc như 07:00–11:30, 13:30–17:00")))
			.andExpect(content().string(containsString("value=\"8 giờ đến 17 giờ\"")))
			.andExpect(content().string(containsString("value=\"Phường Thử Sai\"")))
			.andExpect(content().string(containsString("value=\"khong-phai-thu\"")));
		// the form reads well; the organisation refuses the code, beside the code
		this.mvc
			.perform(post("/quan-tri/don-vi").with(AdminPages.ADMIN)
				.with(csrf())
				.param("parentCode", PROVINCE)
				.param("level", "CITY")
				.param("code", "x-91")
				.param("unitName", "Thành phố Thử Sai"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"code-error\"")))
			.andExpect(content().string(containsString("Mã định danh có dạng H56 hoặc H56.15.40")))
			.andExpect(content().string(containsString("href=\"#code\"")))
			.andExpect(content().string(containsString("value=\"x-91\"")))
			.andExpect(content().string(containsString("value=\"Thành phố Thử Sai\"")))
			.andExpect(content().string(not(containsString("e-identifier"))));
		this.mvc
			.perform(post("/quan-tri/don-vi").with(AdminPages.ADMIN)
				.with(csrf())
				.param("parentCode", "")
				.param("level", "PROVINCE")
				.param("code", PROVINCE)
				.param("unitName", "Tỉnh trùng mã"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Đã có đơn vị dùng mã này")));
		// a NUL (PostgreSQL refuses it in a text column) and an address longer than its
		// column come back beside their fields, not as an error page
		this.mvc
			.perform(post("/quan-tri/don-vi").with(AdminPages.ADMIN)
				.with(csrf())
				.param("parentCode", PROVINCE)
				.param("level", "CITY")
				.param("code", PROVINCE + ".02")
				.param("unitName", "Thành phố\u0000Thử")
				.param("address", "Đường ".repeat(60)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"unitName-error\"")))
			.andExpect(content().string(containsString("Địa chỉ tối đa 300 ký tự.")));
		assertThat(this.units.find("x-91")).isEmpty();
		assertThat(this.units.find(PROVINCE + ".02")).isEmpty();
	}

	@Test
	void aNewSettingsVersionFromTomorrowIsAddedAndListed() throws Exception {
		LocalDate tomorrow = LocalDate.now(ZoneOffset.ofHours(7)).plusDays(1);
		LocalDate from = tomorrow.plusDays(7);
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/cau-hinh", OTHER).with(AdminPages.ADMIN)
				.with(csrf())
				.param("effectiveFrom", from.toString())
				.param("workingHours", "07:00–11:00, 13:00–16:30")
				.param("weekend", "SATURDAY", "SUNDAY")
				.param("sameDayCutoff", "14:30")
				.param("supplementMode", "PAUSE_ADDED"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/quan-tri/don-vi/" + OTHER))
			.andExpect(flash().attribute("done", "admin.settings.added"));
		assertThat(this.units.settingsOn(OTHER, from).hours()).isEqualTo(WorkingHours.parse("07:00-11:00,13:00-16:30"));
		assertThat(this.units.settingsOn(OTHER, from).sameDayCutoff()).hasToString("14:30");
		this.mvc.perform(get("/quan-tri/don-vi/{code}", OTHER).with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Từ ngày " + from.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))))
			.andExpect(content().string(containsString("07:00–11:00, 13:00–16:30")))
			.andExpect(content().string(containsString("Sắp áp dụng")))
			.andExpect(content().string(containsString("Đang áp dụng")));
	}

	@Test
	void aVersionForTodayOrASecondOneForTheDayComesBackBesideTheDate() throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/cau-hinh", OTHER).with(AdminPages.ADMIN)
				.with(csrf())
				.param("effectiveFrom", today.toString())
				.param("workingHours", "07:00–11:30, 13:30–17:00")
				.param("sameDayCutoff", "15:00")
				.param("supplementMode", "PAUSE_ADDED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"effectiveFrom-error\"")))
			.andExpect(content().string(containsString("Hãy chọn ngày áp dụng từ ngày mai trở đi")))
			.andExpect(content().string(containsString("value=\"" + today + "\"")));
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/cau-hinh", OTHER).with(AdminPages.ADMIN)
				.with(csrf())
				.param("effectiveFrom", "31/12")
				.param("workingHours", "07:00–11:30, 13:30–17:00")
				.param("sameDayCutoff", "25:00")
				.param("supplementMode", "PAUSE_ADDED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Hãy chọn một ngày có thật")))
			.andExpect(content().string(containsString("value=\"31/12\"")))
			.andExpect(content().string(containsString("id=\"sameDayCutoff-error\"")))
			.andExpect(content().string(containsString("value=\"25:00\"")));
		LocalDate day = today.plusDays(20);
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/cau-hinh", OTHER).with(AdminPages.ADMIN)
				.with(csrf())
				.param("effectiveFrom", day.toString())
				.param("sameDayCutoff", "15:00")
				.param("supplementMode", "PAUSE_ADDED"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/cau-hinh", OTHER).with(AdminPages.ADMIN)
				.with(csrf())
				.param("effectiveFrom", day.toString())
				.param("sameDayCutoff", "15:00")
				.param("supplementMode", "RESTART"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Đơn vị đã có phiên bản giờ làm việc từ ngày này")));
	}

	@Test
	void onlyAdministratorsAndAUnitsAdministratorOnlyForTheirUnit() throws Exception {
		this.mvc.perform(get("/quan-tri").with(AdminPages.COUNTER)).andExpect(status().isForbidden());
		this.mvc.perform(get("/quan-tri/don-vi/{code}", Api.WARD).with(AdminPages.COUNTER))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/cau-hinh", Api.WARD).with(AdminPages.COUNTER)
				.with(csrf())
				.param("effectiveFrom", LocalDate.now().plusDays(30).toString()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/quan-tri")).andExpect(status().is3xxRedirection());
		var unitAdmin = AdminPages.unitAdministrator(this.officers, OTHER, "h92.quantri");
		this.mvc.perform(get("/quan-tri").with(unitAdmin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỉnh thử " + OTHER)))
			.andExpect(content().string(not(containsString("Tỉnh thử " + PROVINCE))));
		this.mvc.perform(get("/quan-tri/don-vi/{code}", OTHER).with(unitAdmin)).andExpect(status().isOk());
		this.mvc.perform(get("/quan-tri/don-vi/{code}", PROVINCE).with(unitAdmin))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Không có quyền")));
		this.mvc
			.perform(post("/quan-tri/don-vi").with(unitAdmin)
				.with(csrf())
				.param("parentCode", PROVINCE)
				.param("level", "CITY")
				.param("code", PROVINCE + ".77")
				.param("unitName", "Thành phố không được phép"))
			.andExpect(status().isForbidden());
		assertThat(this.units.find(PROVINCE + ".77")).isEmpty();
	}

}
