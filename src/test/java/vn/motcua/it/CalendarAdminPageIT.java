package vn.motcua.it;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.YearOrigin;
import vn.motcua.calendar.core.CalendarDay;
import vn.motcua.calendar.core.DayKind;
import vn.motcua.org.Officers;
import vn.motcua.org.Units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administration's calendar page: a unit's year as it applies, its days typed or
 * uploaded one a line, errors by line beside the box with the lines kept; only who
 * administers the unit.
 */
@IntegrationTest
class CalendarAdminPageIT {

	static final String UNIT = "H96";

	static final String OTHER = "H97";

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Officers officers;

	@Autowired
	Calendars calendars;

	@BeforeEach
	void units() {
		AdminPages.province(this.units, UNIT);
		AdminPages.province(this.units, OTHER);
	}

	@Test
	void aYearIsShownInWordsAndDates() throws Exception {
		this.mvc.perform(get("/quan-tri/don-vi/{code}/lich", UNIT).param("nam", "2026").with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lịch năm 2026 của Tỉnh thử H96")))
			.andExpect(content().string(containsString("01/01/2026")))
			.andExpect(content().string(containsString("Nghỉ lễ")))
			.andExpect(content().string(containsString("Số ngày làm việc trong năm")))
			.andExpect(content().string(not(containsString("2026-01-01"))))
			.andExpect(content().string(not(containsString("HOLIDAY"))))
			.andExpect(content().string(not(containsString("BUILT_IN"))));
	}

	@Test
	void typedDaysReplaceTheYearAndRedirect() throws Exception {
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/lich", UNIT).with(AdminPages.ADMIN)
				.with(csrf())
				.param("year", "2027")
				.param("source", "Thông báo thử 2027")
				.param("days", """
						01/01/2027; Nghỉ lễ; Tết Dương lịch
						03/05/2027; Nghỉ hoán đổi; Nghỉ thay cho thứ Bảy 08/05
						08/05/2027; Làm bù; Làm bù cho thứ Hai 03/05

						# dòng ghi chú
						2027-09-02; nghi le; Quốc khánh
						"""))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/quan-tri/don-vi/" + UNIT + "/lich?nam=2027"));
		var year = this.calendars.year(UNIT, 2027);
		assertThat(year.origin()).isEqualTo(YearOrigin.UNIT);
		assertThat(year.source()).isEqualTo("Thông báo thử 2027");
		assertThat(year.days()).containsExactly(
				new CalendarDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch"),
				new CalendarDay(LocalDate.of(2027, 5, 3), DayKind.SWAPPED_DAY_OFF, "Nghỉ thay cho thứ Bảy 08/05"),
				new CalendarDay(LocalDate.of(2027, 5, 8), DayKind.WORKING_DAY, "Làm bù cho thứ Hai 03/05"),
				new CalendarDay(LocalDate.of(2027, 9, 2), DayKind.HOLIDAY, "Quốc khánh"));
		this.mvc.perform(get("/quan-tri/don-vi/{code}/lich", UNIT).param("nam", "2027").with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đơn vị tự nhập")))
			.andExpect(content().string(containsString("08/05/2027</strong>")))
			.andExpect(content().string(containsString("Làm bù")));
	}

	@Test
	void anUploadedFileIsReadLikeTheBox() throws Exception {
		String file = "ngay,loai,ten\n2028-01-01,Holiday,New Year\n02/09/2028,Nghỉ lễ,Quốc khánh\n";
		this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/lich", OTHER)
				.file(new MockMultipartFile("file", "2028.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))
				.param("year", "2028")
				.param("days", "")
				.with(AdminPages.ADMIN)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.calendars.year(OTHER, 2028).days()).extracting(CalendarDay::date)
			.containsExactly(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 9, 2));
	}

	@Test
	void wrongLinesComeBackBesideTheBoxByLineWithTheLinesKept() throws Exception {
		String typed = """
				01/01/2029; Nghỉ lễ; Tết Dương lịch
				31/02/2029; Nghỉ lễ; Ngày không có
				05/05/2029; Không rõ
				""";
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/lich", UNIT).with(AdminPages.ADMIN)
				.with(csrf())
				.param("year", "2029")
				.param("days", typed))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"days-error\"")))
			.andExpect(content().string(containsString("Dòng 2: &quot;31/02/2029&quot; không phải là ngày")))
			.andExpect(content().string(containsString("Dòng 3 (05/05/2029): hãy ghi loại ngày")))
			.andExpect(content().string(containsString("31/02/2029; Nghỉ lễ; Ngày không có")));
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/lich", UNIT).with(AdminPages.ADMIN)
				.with(csrf())
				.param("year", "2029")
				.param("source", "Nguồn thử")
				.param("days", """
						01/01/2029; Nghỉ lễ; Tết Dương lịch
						01/01/2030; Nghỉ lễ; Năm sau
						08/05/2029; Làm bù; Thứ Ba đi làm
						"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Dòng 2 (01/01/2030): ngày này không thuộc năm đang nhập")))
			.andExpect(content().string(containsString("Dòng 3 (08/05/2029): ngày nghỉ bù, nghỉ hoán đổi phải là")))
			.andExpect(content().string(containsString("01/01/2030; Nghỉ lễ; Năm sau")))
			.andExpect(content().string(containsString("value=\"Nguồn thử\"")))
			.andExpect(content().string(not(containsString("WORKING_DAY"))));
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/lich", UNIT).with(AdminPages.ADMIN)
				.with(csrf())
				.param("year", "2029")
				.param("days", "01/01/2029; Nghỉ lễ; Tết\u0000Dương lịch"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Dòng 1 (01/01/2029): tên ngày tối đa 200 ký tự")));
		assertThat(this.calendars.year(UNIT, 2029).origin()).isNotEqualTo(YearOrigin.UNIT);
	}

	@Test
	void onlyWhoAdministersTheUnitSetsItsYear() throws Exception {
		this.mvc.perform(get("/quan-tri/don-vi/{code}/lich", Api.WARD).with(AdminPages.COUNTER))
			.andExpect(status().isForbidden());
		var unitAdmin = AdminPages.unitAdministrator(this.officers, OTHER, "h97.quantri");
		this.mvc.perform(get("/quan-tri/don-vi/{code}/lich", OTHER).with(unitAdmin)).andExpect(status().isOk());
		this.mvc
			.perform(post("/quan-tri/don-vi/{code}/lich", UNIT).with(unitAdmin)
				.with(csrf())
				.param("year", "2030")
				.param("days", "01/01/2030; Nghỉ lễ; Tết"))
			.andExpect(status().isForbidden());
		assertThat(this.calendars.year(UNIT, 2030).origin()).isNotEqualTo(YearOrigin.UNIT);
	}

}
