package vn.motcua.it;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ImportResult;
import vn.motcua.org.Officers;
import vn.motcua.org.Units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administration's catalog page: a file uploaded and its report on the page — the
 * rows taken, or every refused row with its line and the reason in Vietnamese, nothing
 * imported; only who administers the unit.
 */
@IntegrationTest
class CatalogAdminPageIT {

	static final String UNIT = "H95";

	static final String HEADER = "code,name,field,level,applicantTypes,statutoryAmount,statutoryUnit,committedAmount,"
			+ "committedUnit,onlineLevel\n";

	static final String GOOD = HEADER
			+ "1.009001,Thủ tục thử một,Thử nghiệm,COMMUNE,CITIZEN,5,WORKING_DAYS,3,WORKING_DAYS,NONE\n"
			+ "1.009002,Thủ tục thử hai,Thử nghiệm,COMMUNE,CITIZEN,5,WORKING_DAYS,4,WORKING_DAYS,PARTIAL\n";

	static final String BAD = HEADER
			+ "1.009003,Thủ tục thử ba,Thử nghiệm,COMMUNE,CITIZEN,5,WORKING_DAYS,3,WORKING_DAYS,NONE\n"
			+ "1.009004,Thủ tục thử bốn,Thử nghiệm,XA,CITIZEN,5,WORKING_DAYS,ba,WORKING_DAYS,NONE\n"
			+ "1.009005,,Thử nghiệm,COMMUNE,CITIZEN,5,WORKING_DAYS,9,WORKING_DAYS,NONE\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Officers officers;

	@Autowired
	Catalog catalog;

	@BeforeEach
	void unit() {
		AdminPages.province(this.units, UNIT);
	}

	@Test
	void theCatalogPageShowsTheCountsAndTheForm() throws Exception {
		this.mvc.perform(get("/quan-tri/don-vi/{code}/danh-muc", Api.WARD).with(AdminPages.ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Danh mục thủ tục của Phường Quảng Cư")))
			.andExpect(content().string(containsString("id=\"file\"")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));
	}

	@Test
	void aGoodFileIsImportedAndItsReportShown() throws Exception {
		var result = this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/danh-muc", UNIT).file(csv("danh-muc.csv", GOOD))
				.param("effectiveFrom", "2026-01-01")
				.with(AdminPages.ADMIN)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/quan-tri/don-vi/" + UNIT + "/danh-muc"))
			.andExpect(flash().attribute("result", new ImportResult(2, 2, 0, 0, 0)))
			.andReturn();
		assertThat(this.catalog.counts(UNIT).procedures()).isEqualTo(2);
		assertThat(this.catalog.get(UNIT, "1.009002", null).content().name()).isEqualTo("Thủ tục thử hai");
		this.mvc
			// the report comes through the session, kept in the database: its cookie
			.perform(get("/quan-tri/don-vi/{code}/danh-muc", UNIT).with(AdminPages.ADMIN)
				.cookie(result.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã nhập tệp danh-muc.csv.")))
			.andExpect(content().string(containsString("Số dòng đã nhận")))
			.andExpect(content().string(containsString("id=\"report-created\">2<")));
	}

	@Test
	void aFileWithWrongRowsIsRefusedWholeWithEachRowsLineAndReason() throws Exception {
		this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/danh-muc", UNIT).file(csv("sai.csv", BAD))
				.param("effectiveFrom", "2026-02-01")
				.with(AdminPages.ADMIN)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"file-error\"")))
			.andExpect(content().string(containsString("chưa thủ tục nào thay đổi")))
			.andExpect(content().string(containsString("trình duyệt không giữ được tệp đã chọn")))
			.andExpect(content().string(containsString("Dòng 3")))
			.andExpect(
					content().string(containsString("Cấp thực hiện phải là COMMUNE, DISTRICT, PROVINCE hoặc CENTRAL.")))
			.andExpect(content().string(containsString("Dòng 4")))
			.andExpect(content().string(containsString("Tên thủ tục không được để trống")))
			.andExpect(content().string(not(containsString("Dòng 2<"))))
			.andExpect(content().string(not(containsString("is not one of"))))
			.andExpect(content().string(containsString("value=\"2026-02-01\"")));
		assertThat(this.catalog.unitsWith("1.009003")).doesNotContain(UNIT);
		this.mvc.perform(multipart("/quan-tri/don-vi/{code}/danh-muc", UNIT)
			.file(csv("nul.csv", HEADER
					+ "1.009006,Thủ tục\u0000thử,Thử nghiệm,COMMUNE,CITIZEN,5,WORKING_DAYS,3,WORKING_DAYS,NONE\n"))
			.with(AdminPages.ADMIN)
			.with(csrf())).andExpect(status().isBadRequest()).andExpect(content().string(containsString("Dòng 2")));
		assertThat(this.catalog.unitsWith("1.009006")).doesNotContain(UNIT);
		this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/danh-muc", UNIT)
				.file(new MockMultipartFile("file", "danh-muc.xlsx", "application/vnd.ms-excel", new byte[] { 1, 2 }))
				.with(AdminPages.ADMIN)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Tệp phải là .csv hoặc .json")));
		this.mvc.perform(multipart("/quan-tri/don-vi/{code}/danh-muc", UNIT).with(AdminPages.ADMIN).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Hãy chọn tệp danh mục")));
	}

	@Test
	void onlyWhoAdministersTheUnitImports() throws Exception {
		this.mvc.perform(get("/quan-tri/don-vi/{code}/danh-muc", Api.WARD).with(AdminPages.COUNTER))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/danh-muc", Api.WARD).file(csv("danh-muc.csv", GOOD))
				.with(AdminPages.COUNTER)
				.with(csrf()))
			.andExpect(status().isForbidden());
		var unitAdmin = AdminPages.unitAdministrator(this.officers, UNIT, "h95.quantri");
		this.mvc
			.perform(multipart("/quan-tri/don-vi/{code}/danh-muc", Api.WARD).file(csv("danh-muc.csv", GOOD))
				.with(unitAdmin)
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.catalog.unitsWith("1.009001")).doesNotContain(Api.WARD);
	}

	private static MockMultipartFile csv(String name, String text) {
		return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
	}

}
