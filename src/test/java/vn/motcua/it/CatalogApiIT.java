package vn.motcua.it;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CatalogApiIT {

	static final String WARD = "H56.15.40";

	@Autowired
	MockMvc mvc;

	@Autowired
	vn.motcua.catalog.Catalog catalog;

	@Test
	void theDemoWardHas184ProceduresOf125Posted() throws Exception {
		this.mvc.perform(get("/api/v1/procedures").param("unit", WARD).param("size", "1"))
			.andExpect(jsonPath("$.total").value(184));
		this.mvc.perform(get("/api/v1/procedures").param("unit", WARD).param("posted", "true").param("size", "1"))
			.andExpect(jsonPath("$.total").value(125));
		assertThat(this.catalog.counts(WARD)).isEqualTo(new vn.motcua.catalog.CatalogCounts(184, 125));
	}

	@Test
	void everyDemoProcedureIsCutByAtLeastThirtyPercent() throws Exception {
		for (var p : this.catalog.search(new vn.motcua.catalog.CatalogQuery(WARD, null, null, null, null, 0, 200))
			.items()) {
			assertThat(p.statutoryTime().cutPercent(p.committedTime(), 8)).as(p.code()).isGreaterThanOrEqualTo(30.0);
		}
	}

	@Test
	void searchIgnoresAccents() throws Exception {
		this.mvc.perform(get("/api/v1/procedures").param("unit", WARD).param("q", "giay khai sinh"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.name == 'Cấp bản sao Giấy khai sinh từ Sổ đăng ký khai sinh')]").exists());
		this.mvc.perform(get("/api/v1/procedures").param("unit", WARD).param("q", "DANG KY KHAI SINH"))
			.andExpect(jsonPath("$.items[?(@.code == '1.001193')]").exists());
		this.mvc.perform(get("/api/v1/procedures").param("unit", WARD).param("q", "1.001193"))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void filterByFieldWithOrWithoutAccents() throws Exception {
		this.mvc.perform(get("/api/v1/procedures").param("unit", WARD).param("field", "chung thuc").param("size", "50"))
			.andExpect(jsonPath("$.total").value(13))
			.andExpect(jsonPath("$.items[*].field", everyItem(org.hamcrest.Matchers.is("Chứng thực"))));
		this.mvc.perform(get("/api/v1/procedures/fields").param("unit", WARD))
			.andExpect(jsonPath("$[0].field").value("Hộ tịch"))
			.andExpect(jsonPath("$[0].procedures").value(28));
	}

	@Test
	void aProcedureTellsItsTimesComponentsFeesAndPublication() throws Exception {
		this.mvc.perform(get("/api/v1/procedures/{code}", "2.000908").param("unit", WARD))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(
					"Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận"))
			.andExpect(jsonPath("$.fees[0].amount").value(2000))
			.andExpect(jsonPath("$.components", hasSize(greaterThanOrEqualTo(2))))
			.andExpect(jsonPath("$.steps", hasSize(4)))
			.andExpect(jsonPath("$.timeCutPercent").value(37.5))
			.andExpect(jsonPath("$.posted").value(true))
			.andExpect(jsonPath("$.publications[0].channel").value("COUNTER"));
	}

	@Test
	void aProcedureAtSeveralUnitsNeedsTheUnit() throws Exception {
		this.mvc.perform(get("/api/v1/procedures/{code}", "1.001193"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("unit"));
		this.mvc.perform(get("/api/v1/procedures/{code}", "9.999999").param("unit", WARD))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("PROCEDURE_NOT_FOUND"));
	}

	@Test
	void aChangedRowIsANewVersionAndTheOldOneStaysForItsDates() throws Exception {
		unit("H60", "Tỉnh Phiên Bản");
		String v1 = "[" + procedureJson("1.000001", "Thủ tục thử nghiệm", 10, 7, "2024-01-01") + "]";
		importJson("H60", v1).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
		importJson("H60", v1).andExpect(jsonPath("$.unchanged").value(1)).andExpect(jsonPath("$.newVersions").value(0));
		String v2 = "[" + procedureJson("1.000001", "Thủ tục thử nghiệm", 10, 5, "2025-07-01") + "]";
		importJson("H60", v2).andExpect(jsonPath("$.newVersions").value(1));
		this.mvc.perform(get("/api/v1/procedures/{code}", "1.000001").param("unit", "H60").param("on", "2025-06-30"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.committedTime.amount").value(7));
		this.mvc.perform(get("/api/v1/procedures/{code}", "1.000001").param("unit", "H60").param("on", "2025-07-01"))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.committedTime.amount").value(5));
		this.mvc.perform(get("/api/v1/procedures/{code}/versions", "1.000001").param("unit", "H60"))
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[1].effectiveFrom").value("2025-07-01"));
	}

	@Test
	void aFileWithErrorsImportsNothingAndReportsEveryBadRow() throws Exception {
		unit("H61", "Tỉnh Lỗi");
		String file = "[\n" + procedureJson("1.000002", "Đúng", 10, 7, null) + ",\n"
				+ procedureJson("1.000003", "Thời hạn cam kết dài hơn quy định", 5, 6, null) + ",\n"
				+ "{\"code\": \"abc\", \"name\": \"\", \"field\": \"Hộ tịch\", \"level\": \"COMMUNE\", \"onlineLevel\": \"FULL\","
				+ " \"statutoryTime\": {\"amount\": 1, \"unit\": \"WORKING_DAYS\"}, \"committedTime\": {\"amount\": \"x\", \"unit\": \"WORKING_DAYS\"}}\n]";
		importJson("H61", file).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("CATALOG_IMPORT_REJECTED"))
			.andExpect(jsonPath("$.errors[?(@.line == 3 && @.field == 'committedTime')]").exists())
			.andExpect(jsonPath("$.errors[?(@.line == 4 && @.field == 'committedTime.amount')]").exists());
		this.mvc.perform(get("/api/v1/procedures").param("unit", "H61")).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void aFileWithThousandsOfBadRowsGetsAShortAnswer() throws Exception {
		unit("H79", "Tỉnh Nhiều Lỗi");
		StringBuilder csv = new StringBuilder(
				"code,name,field,level,statutoryAmount,statutoryUnit,committedAmount,committedUnit,onlineLevel\n");
		for (int i = 0; i < 5_000; i++) {
			csv.append("1.9")
				.append(i)
				.append(",Thủ tục ")
				.append(i)
				.append(",Hộ tịch,VILLAGE,10,WORKING_DAYS,7,")
				.append("WORKING_DAYS,FULL\n");
		}
		String answer = this.mvc
			.perform(post("/api/v1/procedures/import").param("unit", "H79")
				.with(admin())
				.contentType("text/csv")
				.content(csv.toString().getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.startsWith("5000 error(s) in the file (the first 100 listed)")))
			.andExpect(jsonPath("$.errors.length()").value(100))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer.length()).isLessThan(20_000);
	}

	@Test
	void brokenJsonAndCsvAreRejectedWithALine() throws Exception {
		unit("H62", "Tỉnh Hỏng");
		importJson("H62", "[\n{\"code\": \"1.000004\",\n \"name\": }\n]").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(3));
		String csv = "code,name,field,level,statutoryAmount,statutoryUnit,committedAmount,committedUnit,onlineLevel\n"
				+ "1.000005,Một,Hộ tịch,COMMUNE,10,WORKING_DAYS,7,WORKING_DAYS,FULL\n"
				+ "1.000006,Hai,Hộ tịch,VILLAGE,10,WORKING_DAYS,7,WORKING_DAYS,FULL\n";
		this.mvc
			.perform(post("/api/v1/procedures/import").param("unit", "H62")
				.with(admin())
				.contentType("text/csv")
				.content(csv.getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].field").value("level"));
		this.mvc.perform(get("/api/v1/procedures").param("unit", "H62")).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void exportThenImportElsewhereGivesTheSameCatalog() throws Exception {
		unit("H63", "Tỉnh Sao Chép");
		for (String format : new String[] { "CSV", "JSON" }) {
			byte[] file = this.mvc.perform(get("/api/v1/procedures/export").param("unit", WARD).param("format", format))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			String name = format.equals("CSV") ? "catalog.csv" : "catalog.json";
			this.mvc
				.perform(multipart("/api/v1/procedures/import").file(new MockMultipartFile("file", name, null, file))
					.param("unit", "H63")
					.with(admin()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.rows").value(184))
				.andExpect(jsonPath("$.newVersions").value(0));
		}
		this.mvc.perform(get("/api/v1/procedures").param("unit", "H63").param("posted", "true"))
			.andExpect(jsonPath("$.total").value(125));
		byte[] original = this.catalog.export(WARD, vn.motcua.catalog.ImportFormat.JSON);
		byte[] copy = this.catalog.export("H63", vn.motcua.catalog.ImportFormat.JSON);
		assertThat(new String(copy, StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
	}

	@Test
	void twoThousandProceduresImportInOneGo() throws Exception {
		unit("H64", "Tỉnh Lớn");
		StringBuilder file = new StringBuilder("[");
		for (int i = 0; i < 2000; i++) {
			file.append(i == 0 ? "\n" : ",\n")
				.append(procedureJson(String.format("1.%06d", 100000 + i), "Thủ tục số " + i, 10, 7, null));
		}
		importJson("H64", file.append("\n]").toString()).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2000));
		this.mvc.perform(get("/api/v1/procedures").param("unit", "H64").param("size", "1"))
			.andExpect(jsonPath("$.total").value(2000));
	}

	@Test
	void publishingIsRecordedOncePerChannel() throws Exception {
		unit("H65", "Tỉnh Niêm Yết");
		importJson("H65", "[" + procedureJson("1.000007", "Niêm yết", 10, 7, null) + "]").andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/procedures/{code}/publications", "1.000007").param("unit", "H65")
				.with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\": \"PORTAL\", \"publishedOn\": \"2024-03-01\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.posted").value(true));
		this.mvc
			.perform(post("/api/v1/procedures/{code}/publications", "1.000007").param("unit", "H65")
				.with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\": \"PORTAL\"}"))
			.andExpect(status().isConflict());
	}

	@Test
	void importingNeedsTheAdministratorAndAKnownUnit() throws Exception {
		this.mvc
			.perform(post("/api/v1/procedures/import").param("unit", WARD)
				.contentType(MediaType.APPLICATION_JSON)
				.content("[]"))
			.andExpect(status().isUnauthorized());
		importJson("H00.00", "[]").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("unit"));
		this.mvc
			.perform(post("/api/v1/procedures/import").param("unit", WARD)
				.with(admin())
				.contentType(MediaType.APPLICATION_XML)
				.content("<x/>"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.status").value(415));
	}

	private org.springframework.test.web.servlet.ResultActions importJson(String unit, String json) throws Exception {
		return this.mvc.perform(post("/api/v1/procedures/import").param("unit", unit)
			.with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.getBytes(StandardCharsets.UTF_8)));
	}

	static String procedureJson(String code, String name, int statutory, int committed, String effectiveFrom) {
		return "{\"code\": \"" + code + "\", \"name\": \"" + name
				+ "\", \"field\": \"Hộ tịch\", \"level\": \"COMMUNE\"," + " \"statutoryTime\": {\"amount\": "
				+ statutory + ", \"unit\": \"WORKING_DAYS\"}," + " \"committedTime\": {\"amount\": " + committed
				+ ", \"unit\": \"WORKING_DAYS\"}, \"onlineLevel\": \"FULL\","
				+ " \"components\": [{\"name\": \"Tờ khai\", \"originals\": 1}],"
				+ " \"fees\": [{\"name\": \"Lệ phí\", \"amount\": 8000}]"
				+ (effectiveFrom == null ? "" : ", \"effectiveFrom\": \"" + effectiveFrom + "\"") + "}";
	}

	private void unit(String code, String name) throws Exception {
		this.mvc
			.perform(post("/api/v1/units").with(admin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"" + code + "\", \"name\": \"" + name + "\", \"level\": \"PROVINCE\"}"))
			.andExpect(status().isCreated());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
		return httpBasic("admin", "motcua-demo");
	}

}
