package vn.motcua.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogQuery;
import vn.motcua.catalog.ImportFormat;
import vn.motcua.catalog.ImportResult;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.core.OnlineLevel;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.AdditionalMatchers.aryEq;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ApiSliceTest(ProcedureApiController.class)
class ProcedureApiControllerTest {

	static final String CODE = "1.001193";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	Units units;

	@Test
	void aSearchIsPublicAndAnswersAPage() throws Exception {
		given(this.catalog.search(new CatalogQuery("H1", "khai sinh", null, null, null, 0, 20))).willReturn(new Page<>(
				List.of(new ProcedureSummary("H1", CODE, "Đăng ký khai sinh", "Hộ tịch", 2, LocalDate.of(2026, 1, 1),
						ProcessingTime.workingDays(3), ProcessingTime.workingDays(2), OnlineLevel.FULL, 0, true)),
				0, 20, 1));
		this.mvc.perform(get("/api/v1/procedures").param("unit", "H1").param("q", "khai sinh"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.totalCapped").value(false))
			.andExpect(jsonPath("$.items[0].code").value(CODE))
			.andExpect(jsonPath("$.items[0].version").value(2))
			.andExpect(jsonPath("$.items[0].effectiveFrom").value("2026-01-01"))
			.andExpect(jsonPath("$.items[0].statutoryTime.amount").value(3))
			.andExpect(jsonPath("$.items[0].statutoryTime.unit").value("WORKING_DAYS"))
			.andExpect(jsonPath("$.items[0].posted").value(true));
	}

	@Test
	void aMalformedDayOrPageIsNamed() throws Exception {
		this.mvc.perform(get("/api/v1/procedures").param("on", "1/1/2026"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("on"));
		this.mvc.perform(get("/api/v1/procedures").param("page", "first"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("page"));
	}

	@Test
	void fieldsAreCountedPerUnitWhichIsRequired() throws Exception {
		Map<String, Integer> fields = new LinkedHashMap<>();
		fields.put("Hộ tịch", 12);
		fields.put("Đất đai", 7);
		given(this.catalog.fields("H1")).willReturn(fields);
		this.mvc.perform(get("/api/v1/procedures/fields").param("unit", "H1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].field").value("Hộ tịch"))
			.andExpect(jsonPath("$[0].procedures").value(12))
			.andExpect(jsonPath("$[1].field").value("Đất đai"));
		this.mvc.perform(get("/api/v1/procedures/fields"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("MISSING_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("unit"));
	}

	@Test
	void aProcedureAtSeveralUnitsNeedsTheUnitNamed() throws Exception {
		given(this.catalog.unitsWith(CODE)).willReturn(List.of("H1", "H2"));
		this.mvc.perform(get("/api/v1/procedures/{code}/versions", CODE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("UNIT_REQUIRED"))
			.andExpect(jsonPath("$.errors[0].field").value("unit"));
	}

	@Test
	void aProcedureAtNoUnitIsA404() throws Exception {
		given(this.catalog.unitsWith(CODE)).willReturn(List.of());
		this.mvc.perform(get("/api/v1/procedures/{code}/versions", CODE))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("PROCEDURE_NOT_FOUND"))
			.andExpect(jsonPath("$.errors[0].field").value("code"));
	}

	@Test
	void theVersionsOfTheOnlyUnitsProcedure() throws Exception {
		given(this.catalog.unitsWith(CODE)).willReturn(List.of("H1"));
		given(this.catalog.versions("H1", CODE)).willReturn(
				List.of(new ProcedureVersion(7, 1, LocalDate.of(2025, 1, 1), Instant.parse("2024-12-20T01:00:00Z")),
						new ProcedureVersion(9, 2, LocalDate.of(2026, 1, 1), Instant.parse("2025-12-20T01:00:00Z"))));
		this.mvc.perform(get("/api/v1/procedures/{code}/versions", CODE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].version").value(2))
			.andExpect(jsonPath("$[1].effectiveFrom").value("2026-01-01"))
			.andExpect(jsonPath("$[1].createdAt").value("2025-12-20T01:00:00Z"));
	}

	@Test
	void theExportIsAFileInTheImportFormat() throws Exception {
		given(this.catalog.export("H1", ImportFormat.CSV)).willReturn("code,name\n".getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(get("/api/v1/procedures/export").param("unit", "H1").param("format", "CSV"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"catalog-H1.csv\""))
			.andExpect(content().string("code,name\n"));
		this.mvc.perform(get("/api/v1/procedures/export").param("unit", "H1").param("format", "XLSX"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("format"));
	}

	@Test
	void anImportNeedsTheAdministrator() throws Exception {
		this.mvc.perform(
				post("/api/v1/procedures/import").param("unit", "H1").contentType("text/csv").content("code,name\n"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
		this.mvc
			.perform(post("/api/v1/procedures/import").param("unit", "H1")
				.with(user("motcua").roles("ONE_STOP_OFFICER"))
				.contentType("text/csv")
				.content("code,name\n"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		then(this.catalog).shouldHaveNoInteractions();
	}

	@Test
	void anImportedBodyIsReadInTheFormatOfItsContentType() throws Exception {
		given(this.catalog.importFile(any(), any(), any(), any(), any())).willReturn(new ImportResult(3, 1, 1, 1, 2));
		this.mvc
			.perform(post("/api/v1/procedures/import").param("unit", "H1")
				.param("effectiveFrom", "2026-01-01")
				.with(httpBasic("admin", "motcua-demo"))
				.contentType("text/csv")
				.content("code,name\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").value(3))
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.newVersions").value(1))
			.andExpect(jsonPath("$.unchanged").value(1))
			.andExpect(jsonPath("$.publications").value(2));
		then(this.catalog).should()
			.importFile(any(), eq("H1"), eq(ImportFormat.CSV), aryEq("code,name\n".getBytes(StandardCharsets.UTF_8)),
					eq(LocalDate.of(2026, 1, 1)));
	}

	@Test
	void anUploadedFileThatIsNeitherJsonNorCsvIsRejected() throws Exception {
		this.mvc
			.perform(multipart("/api/v1/procedures/import")
				.file(new MockMultipartFile("file", "catalog.xlsx", "application/vnd.ms-excel", new byte[] { 1, 2, 3 }))
				.param("unit", "H1")
				.with(httpBasic("admin", "motcua-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("CATALOG_IMPORT_REJECTED"))
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		this.mvc
			.perform(multipart("/api/v1/procedures/import").param("unit", "H1").with(httpBasic("admin", "motcua-demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("MISSING_PARAMETER"))
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		then(this.catalog).shouldHaveNoInteractions();
	}

	@Test
	void aPublicationNeedsItsChannel() throws Exception {
		this.mvc
			.perform(post("/api/v1/procedures/{code}/publications", CODE).param("unit", "H1")
				.with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"publishedOn\": \"2026-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
		this.mvc
			.perform(post("/api/v1/procedures/{code}/publications", CODE).param("unit", "H1")
				.with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"channel\": \"RADIO\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("UNREADABLE_BODY"))
			.andExpect(jsonPath("$.errors[0].field").value("channel"));
		then(this.catalog).shouldHaveNoInteractions();
	}

}
