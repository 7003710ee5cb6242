package vn.motcua.it;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.reporting.KpiBreakdown;
import vn.motcua.reporting.KpiDossiers;
import vn.motcua.reporting.KpiFigures;
import vn.motcua.reporting.KpiMeasure;
import vn.motcua.reporting.KpiReport;
import vn.motcua.reporting.KpiSelection;
import vn.motcua.reporting.Kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.as;

/**
 * The dossiers behind the KPIs' numbers (ADR 31): for a month of made dossiers at two
 * wards of the demo city (early, on time, late, refused, stopped, withdrawn, a supplement
 * request, an apology, open ones overdue and in time, one carried over from February),
 * the list of every measure has as many dossiers as the report's number, for a ward, the
 * city with its wards, and rows of each breakdown; who may read them; the XLSX exports
 * read back with POI; a long list exported by a job.
 */
@IntegrationTest
@Import(KpiDossiersIT.Clock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// a database of its own, and a direct export limit low enough for the job to be needed
@TestPropertySource(properties = { "motcua.test.database=kpi-dossiers", "motcua.reports.export.direct-limit=5" })
class KpiDossiersIT {

	static final String QUANG_CU = Api.WARD;

	static final String TRUNG_SON = "H56.15.41";

	static final String BAC_SON = "H56.15.42";

	static final String CITY = "H56.15";

	static final String SUPERVISOR = "samson.giamsat";

	static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

	static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(CalendarFixture.at("2026-02-25T09:00"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	@Autowired
	Kpis kpis;

	@Autowired
	KpiDossiers dossiers;

	@Autowired
	JdbcClient jdbc;

	DossierMaker make;

	final List<String> made = new ArrayList<>();

	@BeforeAll
	void aMonthOfDossiers() throws Exception {
		this.make = new DossierMaker(this.intake, this.actions, this.officers);
		// February: a marriage registration (3 working days, due 2 March 09:00) resolved
		// late in March, so carried over into it
		String carried = marriage("2026-02-25T09:00");
		at("2026-03-02T08:00");
		String early = marriage("2026-03-02T09:00");
		String late = marriage("2026-03-02T09:05");
		String sameDay = birth(QUANG_CU, "2026-03-02T09:10");
		resolve(Api.COUNTER, Api.SPECIALIST, Api.LEADER, sameDay, "2026-03-02T10:00");
		resolve(Api.COUNTER, Api.SPECIALIST, Api.LEADER, early, "2026-03-03T09:00");
		resolve(Api.COUNTER, Api.SPECIALIST, Api.LEADER, carried, "2026-03-03T10:00");
		// open and overdue from the afternoon of its day
		birth(QUANG_CU, "2026-03-03T09:00");
		String supplement = marriage("2026-03-04T09:00");
		at("2026-03-04T10:00");
		this.make.act(Api.COUNTER, supplement, DossierAction.ASSIGN, Api.SPECIALIST);
		act(Api.SPECIALIST, supplement, DossierAction.REQUEST_SUPPLEMENT, null, "Bổ sung giấy xác nhận", null);
		String apology = marriage("2026-03-04T09:30");
		this.make.act(Api.COUNTER, apology, DossierAction.ASSIGN, Api.SPECIALIST);
		at("2026-03-05T09:00");
		act(Api.LEADER, apology, DossierAction.APOLOGIZE, null, "Chờ xác minh", CalendarFixture.at("2026-03-12T10:00"));
		String refused = birth(QUANG_CU, "2026-03-05T09:10");
		this.make.act(Api.COUNTER, refused, DossierAction.ASSIGN, Api.SPECIALIST);
		this.make.act(Api.SPECIALIST, refused, DossierAction.FORWARD, Api.LEADER);
		act(Api.LEADER, refused, DossierAction.REFUSE, null, "Không đủ điều kiện", null);
		String withdrawn = birth(QUANG_CU, "2026-03-05T09:20");
		act(Api.COUNTER, withdrawn, DossierAction.WITHDRAW, null, "Người nộp rút hồ sơ", null);
		String stopped = birth(QUANG_CU, "2026-03-05T09:30");
		act(Api.COUNTER, stopped, DossierAction.STOP, null, "Người nộp đề nghị dừng", null);
		resolve(Api.COUNTER, Api.SPECIALIST, Api.LEADER, late, "2026-03-10T09:00");
		// Trung Sơn: one resolved the same day, one left open
		String trungSon = birth(TRUNG_SON, "2026-03-02T09:00");
		resolve("trungson.motcua", "trungson.chuyenvien", "trungson.lanhdao", trungSon, "2026-03-02T10:00");
		birth(TRUNG_SON, "2026-03-03T09:00");
		at("2026-03-20T09:00");
		awaitReports();
	}

	@Test
	void theReportsNumbersAreAsMade() {
		KpiFigures f = report(QUANG_CU, MARCH_1, MARCH_31, false, null).figures();
		assertThat(f.received()).isEqualTo(9);
		assertThat(f.carriedOver()).isEqualTo(1);
		assertThat(f.resolved()).isEqualTo(7);
		assertThat(f.resolvedLate()).isEqualTo(2);
		assertThat(f.refused()).isEqualTo(1);
		assertThat(f.stopped()).isEqualTo(1);
		assertThat(f.withdrawn()).isEqualTo(1);
		assertThat(f.inProgress()).isEqualTo(3);
		assertThat(f.overdue()).isEqualTo(2);
		assertThat(f.supplementRequests()).isEqualTo(1);
		assertThat(f.apologies()).isEqualTo(1);
	}

	@Test
	void everyListHasAsManyDossiersAsItsNumber() {
		Actor supervisor = this.make.actor(SUPERVISOR);
		// a ward, the city with its wards, a period ending before the apology's new date
		// and one before anything happened
		assertEveryMeasure(supervisor, QUANG_CU, MARCH_1, MARCH_31, false, null);
		assertEveryMeasure(supervisor, CITY, MARCH_1, MARCH_31, true, null);
		assertEveryMeasure(supervisor, QUANG_CU, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10), false, null);
		assertEveryMeasure(supervisor, CITY, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), true, null);
		// the rows of each breakdown
		for (KpiBreakdown by : KpiBreakdown.values()) {
			assertEveryMeasure(supervisor, CITY, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), true, by);
		}
		assertEveryMeasure(this.make.actor(Api.LEADER), QUANG_CU, MARCH_1, MARCH_31, false, KpiBreakdown.FIELD);
	}

	private void assertEveryMeasure(Actor actor, String unit, LocalDate from, LocalDate to, boolean subtree,
			KpiBreakdown by) {
		KpiReport report = this.kpis.report(actor, unit, from, to, subtree, by);
		if (by == null) {
			for (KpiMeasure m : KpiMeasure.values()) {
				assertThat(this.dossiers.count(actor, new KpiSelection(unit, from, to, subtree, m, null, null)))
					.as("%s of %s from %s to %s", m.key(), unit, from, to)
					.isEqualTo(m.of(report.figures()));
			}
			return;
		}
		assertThat(report.rows()).isNotEmpty();
		for (KpiReport.Row row : report.rows()) {
			for (KpiMeasure m : KpiMeasure.values()) {
				assertThat(this.dossiers.count(actor, new KpiSelection(unit, from, to, subtree, m, by, row.key())))
					.as("%s of %s by %s %s", m.key(), unit, by, row.key())
					.isEqualTo(m.of(row.figures()));
			}
		}
	}

	@Test
	void theListThroughTheApiIsAPageOfTheDossiersByCode() throws Exception {
		JsonNode page = Api.json(
				this.mvc
					.perform(get("/api/v1/reports/{unit}/dossiers", QUANG_CU).param("from", "2026-03-01")
						.param("to", "2026-03-31")
						.param("measure", "resolvedLate")
						.with(as(Api.LEADER)))
					.andExpect(status().isOk()));
		assertThat(page.get("total").asLong()).isEqualTo(2);
		assertThat(page.get("items").get(0).get("code").asString()).startsWith("H56.15.40-2602");
		assertThat(page.get("items").get(0).get("timeliness").asString()).isEqualTo("LATE");
		assertThat(page.get("items").get(0).get("procedureName").asString()).contains("kết hôn");
		// a row of a breakdown: the month, the channel
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", CITY).param("from", "2026-01-01")
				.param("to", "2026-12-31")
				.param("subtree", "true")
				.param("measure", "received")
				.param("by", "month")
				.param("key", "2026-02")
				.with(as(SUPERVISOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", QUANG_CU).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("measure", "received")
				.param("size", "3")
				.param("page", "1")
				.with(as(Api.LEADER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(9))
			.andExpect(jsonPath("$.items.length()").value(3));
	}

	@Test
	void aWardOfficerCannotReadAnotherWardButTheCitySupervisorReadsThemAll() throws Exception {
		for (String path : List.of("/api/v1/reports/{unit}/dossiers", "/api/v1/reports/{unit}/kpis",
				"/api/v1/reports/{unit}/exports/dossiers")) {
			this.mvc
				.perform(get(path, QUANG_CU).param("from", "2026-03-01")
					.param("to", "2026-03-31")
					.param("measure", "received")
					.with(as(Api.OTHER_WARD_COUNTER)))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.code").value("REPORT_NOT_ALLOWED"));
		}
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", CITY).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("subtree", "true")
				.param("measure", "received")
				.with(as(Api.LEADER)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", QUANG_CU).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("measure", "received"))
			.andExpect(status().isUnauthorized());
		for (String unit : List.of(QUANG_CU, TRUNG_SON, BAC_SON)) {
			this.mvc
				.perform(get("/api/v1/reports/{unit}/dossiers", unit).param("from", "2026-03-01")
					.param("to", "2026-03-31")
					.param("measure", "received")
					.with(as(SUPERVISOR)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(unit.equals(QUANG_CU) ? 9 : unit.equals(TRUNG_SON) ? 2 : 0));
		}
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", CITY).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("subtree", "true")
				.param("measure", "received")
				.with(as(SUPERVISOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(11));
		// the pages: the same rule
		this.mvc
			.perform(get("/can-bo/bao-cao").param("unit", QUANG_CU)
				.with(user(Api.OTHER_WARD_COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/can-bo/bao-cao/ho-so").param("unit", QUANG_CU)
				.param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("measure", "received")
				.with(user(Api.OTHER_WARD_COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void badSelectionsAreProblemsNamingTheirParameter() throws Exception {
		String[][] cases = { { "measure", "nothing", "measure", "INVALID_PARAMETER" },
				{ "size", "1000", "size", "PAGE_INVALID" }, { "page", "-1", "page", "PAGE_INVALID" },
				{ "by", "month", "key", "INVALID_PARAMETER" }, { "key", "2026-03", "by", "INVALID_PARAMETER" },
				{ "by", "weekday", "by", "INVALID_PARAMETER" } };
		for (String[] c : cases) {
			var request = get("/api/v1/reports/{unit}/dossiers", QUANG_CU).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.with(as(Api.LEADER));
			if (!c[0].equals("measure")) {
				request.param("measure", "received");
			}
			request.param(c[0], c[1]);
			this.mvc.perform(request)
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.code").value(c[3]))
				.andExpect(jsonPath("$.errors[0].field").value(c[2]));
		}
		for (String[] keyed : new String[][] { { "month", "2026-13" }, { "month", "2025-01" }, { "channel", "FAX" },
				{ "unit", TRUNG_SON } }) {
			this.mvc
				.perform(get("/api/v1/reports/{unit}/dossiers", QUANG_CU).param("from", "2026-03-01")
					.param("to", "2026-03-31")
					.param("measure", "received")
					.param("by", keyed[0])
					.param("key", keyed[1])
					.with(as(Api.LEADER)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("key"));
		}
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", QUANG_CU).param("from", "2026-03-31")
				.param("to", "2026-03-01")
				.param("measure", "received")
				.with(as(Api.LEADER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", QUANG_CU).param("from", "1/3/2026")
				.param("to", "2026-03-31")
				.param("measure", "received")
				.with(as(Api.LEADER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc
			.perform(get("/api/v1/reports/{unit}/dossiers", "H99").param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("measure", "received")
				.with(as(Api.LEADER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theKpiExportReadsBackWithHeadingsDatesNumbersAndPercentages() throws Exception {
		byte[] file = this.mvc
			.perform(get("/api/v1/reports/{unit}/exports/kpis", CITY).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("subtree", "true")
				.with(as(SUPERVISOR)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.containsString("chi-tieu-H56.15-2026-03-01-2026-03-31.xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			assertThat(sheetNames(book)).containsExactly("Tổng hợp", "Theo tháng", "Theo lĩnh vực", "Theo kênh",
					"Theo đơn vị", "Theo thủ tục");
			Sheet total = book.getSheet("Tổng hợp");
			assertThat(total.getRow(0).getCell(0).getStringCellValue()).contains("Thành phố Sầm Sơn");
			Cell from = total.getRow(1).getCell(1);
			assertThat(from.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(from)).isTrue();
			assertThat(from.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MARCH_1);
			Row headings = total.getRow(5);
			assertThat(headings.getCell(0).getStringCellValue()).isEqualTo("Chỉ tiêu");
			Row received = total.getRow(6);
			assertThat(received.getCell(0).getStringCellValue()).isEqualTo("Tiếp nhận");
			assertThat(received.getCell(1).getNumericCellValue()).isEqualTo(11.0);
			Sheet units = book.getSheet("Theo đơn vị");
			assertThat(units.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Tên đơn vị");
			assertThat(units.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Tiếp nhận");
			Row quangCu = rowOf(units, QUANG_CU);
			assertThat(quangCu.getCell(2).getNumericCellValue()).isEqualTo(9.0);
			Cell rate = quangCu.getCell(11);
			assertThat(units.getRow(0).getCell(11).getStringCellValue()).isEqualTo("Tỉ lệ đúng hạn");
			assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("0.00%");
			assertThat(rate.getNumericCellValue()).isEqualTo(5.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
		}
	}

	@Test
	void theDossierListExportsAtOnceUpToTheLimitWithRealDates() throws Exception {
		byte[] file = this.mvc
			.perform(get("/api/v1/reports/{unit}/exports/dossiers", QUANG_CU).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("measure", "inProgress")
				.with(as(Api.LEADER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = book.getSheet("Hồ sơ");
			Row headings = sheet.getRow(4);
			assertThat(headings.getCell(1).getStringCellValue()).isEqualTo("Mã hồ sơ");
			assertThat(headings.getCell(7).getStringCellValue()).isEqualTo("Ngày tiếp nhận");
			List<Row> lines = lines(sheet, 5);
			assertThat(lines).hasSize(3);
			Row first = lines.get(0);
			assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
			assertThat(first.getCell(1).getStringCellValue()).startsWith("H56.15.40-2603");
			Cell received = first.getCell(7);
			assertThat(DateUtil.isCellDateFormatted(received)).isTrue();
			assertThat(received.getLocalDateTimeCellValue().toLocalDate().getMonthValue()).isEqualTo(3);
			assertThat(first.getCell(11).getCellType()).isEqualTo(CellType.NUMERIC);
		}
		// longer than the limit (5 here): a problem that says to ask for a job
		this.mvc
			.perform(get("/api/v1/reports/{unit}/exports/dossiers", QUANG_CU).param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("measure", "received")
				.with(as(Api.LEADER)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("EXPORT_TOO_LONG"));
	}

	@Test
	void aLongListIsExportedByAJobWhoseFileOnlyItsOwnerDownloads() throws Exception {
		JsonNode job = Api.json(
				this.mvc
					.perform(post("/api/v1/reports/{unit}/exports/dossiers", CITY).param("from", "2026-03-01")
						.param("to", "2026-03-31")
						.param("subtree", "true")
						.param("measure", "received")
						.with(as(SUPERVISOR)))
					.andExpect(status().isAccepted())
					.andExpect(header().exists("Location")));
		assertThat(job.get("total").asLong()).isEqualTo(11);
		String progress = job.get("progress").asString();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!job.get("status").asString().equals("DONE") && System.nanoTime() < deadline) {
			Thread.sleep(100);
			job = Api.json(this.mvc.perform(get(progress).with(as(SUPERVISOR))).andExpect(status().isOk()));
		}
		assertThat(job.get("status").asString()).isEqualTo("DONE");
		assertThat(job.get("percent").asInt()).isEqualTo(100);
		this.mvc.perform(get(progress).with(as(Api.LEADER))).andExpect(status().isNotFound());
		this.mvc.perform(get(progress.replace(CITY, QUANG_CU)).with(as(SUPERVISOR)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("EXPORT_NOT_FOUND"));
		this.mvc.perform(get(job.get("file").asString()).with(as(Api.LEADER))).andExpect(status().isNotFound());
		byte[] file = this.mvc.perform(get(job.get("file").asString()).with(as(SUPERVISOR)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			assertThat(lines(book.getSheet("Hồ sơ"), 5)).hasSize(11);
		}
		assertThat(this.jdbc.sql("select file_key from report_export_job where id = ?")
			.param(job.get("id").asString())
			.query(String.class)
			.single()).hasSize(64);
	}

	@Test
	void thePagesShowTheDashboardsAndTheListsAndExportWithAProgressBar() throws Exception {
		var supervisor = user(SUPERVISOR).roles("SUPERVISOR");
		String city = this.mvc.perform(get("/can-bo/bao-cao").with(supervisor))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the current year by default; the city's wards ranked
		assertThat(city).contains("Báo cáo kết quả giải quyết hồ sơ", "Thành phố Sầm Sơn và các đơn vị trực thuộc",
				"từ 01/01/2026 đến 31/12/2026", "id=\"table-ranking\"", "id=\"chart-month\"", "/webjars/echarts/",
				"/dist/echarts.min.js", "/js/dashboard.js");
		assertThat(city).doesNotContain("<script>");
		assertThat(DossierMaker.element(city, "table", "table-ranking")).contains("Phường Quảng Cư", "Phường Trung Sơn",
				"Phường Bắc Sơn");
		String ward = this.mvc
			.perform(get("/can-bo/bao-cao").param("period", "thang").with(user(Api.LEADER).roles("LEADER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ward).contains("Phường Quảng Cư", "từ 01/03/2026 đến 31/03/2026")
			.doesNotContain("id=\"table-ranking\"")
			.contains(
					"/can-bo/bao-cao/ho-so?unit=H56.15.40&amp;from=2026-03-01&amp;to=2026-03-31&amp;measure=resolvedLate");
		// a wrong custom period: the message beside the field, what was typed kept
		String wrong = this.mvc
			.perform(get("/can-bo/bao-cao").param("period", "tuy-chon")
				.param("from", "31/02/2026")
				.param("to", "01/01/2026")
				.with(user(Api.LEADER).roles("LEADER")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wrong).contains("id=\"from-error\"", "value=\"31/02/2026\"", "Ngày không hợp lệ");
		String list = this.mvc
			.perform(get("/can-bo/bao-cao/ho-so").param("unit", QUANG_CU)
				.param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("measure", "resolvedLate")
				.with(user(Api.LEADER).roles("LEADER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Hồ sơ: Giải quyết quá hạn", "2 hồ sơ", "id=\"download-dossiers\"");
		assertThat(DossierMaker.rowCodes(list)).hasSize(2).allMatch(c -> list.contains("/can-bo/ho-so/" + c));
		// a list over the limit offers a job; the job's page polls its progress bar
		String longList = this.mvc
			.perform(get("/can-bo/bao-cao/ho-so").param("unit", QUANG_CU)
				.param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("measure", "received")
				.with(user(Api.LEADER).roles("LEADER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(longList).contains("id=\"export-job\"").doesNotContain("id=\"download-dossiers\"");
		String location = this.mvc
			.perform(post("/can-bo/bao-cao/xuat/ho-so").param("unit", QUANG_CU)
				.param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.param("measure", "received")
				.with(user(Api.LEADER).roles("LEADER"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String page = this.mvc.perform(get(location).with(user(Api.LEADER).roles("LEADER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<progress", "id=\"export-progress\"");
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		String bar = "";
		while (!bar.contains("export-download") && System.nanoTime() < deadline) {
			Thread.sleep(100);
			bar = this.mvc.perform(get(location + "/tien-do").with(user(Api.LEADER).roles("LEADER")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
		}
		assertThat(bar).contains("export-download", "value=\"100\"").doesNotContain("hx-get");
		this.mvc.perform(get(location + "/tep").with(user(Api.LEADER).roles("LEADER")))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		this.mvc
			.perform(get("/can-bo/bao-cao/xuat/chi-tieu").param("unit", QUANG_CU)
				.param("from", "2026-03-01")
				.param("to", "2026-03-31")
				.with(user(Api.LEADER).roles("LEADER")))
			.andExpect(status().isOk());
	}

	// --- making the dossiers

	private void at(String local) {
		this.clock.set(CalendarFixture.at(local));
	}

	private String birth(String unit, String local) {
		at(local);
		String counter = unit.equals(QUANG_CU) ? Api.COUNTER : "trungson.motcua";
		String code = this.make.birth(counter, unit, new Applicant("Nguyễn Văn Báo", null, null, null, null));
		this.made.add(code);
		return code;
	}

	private String marriage(String local) {
		at(local);
		String code = this.make.marriage(Api.COUNTER, QUANG_CU, new Applicant("Trần Thị Cáo", null, null, null, null));
		this.made.add(code);
		return code;
	}

	private void resolve(String counter, String specialist, String leader, String code, String local) {
		at(local);
		this.make.act(counter, code, DossierAction.ASSIGN, specialist);
		this.make.act(specialist, code, DossierAction.FORWARD, leader);
		this.make.act(leader, code, DossierAction.APPROVE, null);
		this.actions.act(this.make.actor(leader), code, DossierAction.RECORD_RESULT,
				new DossierActions.ActionRequest(null, null, null, null, "KQ-" + code, null, null));
	}

	private void act(String officer, String code, DossierAction action, String assignee, String reason,
			java.time.Instant newDue) {
		this.actions.act(this.make.actor(officer), code, action,
				new DossierActions.ActionRequest(assignee, reason, reason, newDue, null, null, null));
	}

	/** Waits until the reports have seen every change (their events are asynchronous). */
	private void awaitReports() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			long pending = this.jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single();
			long seen = this.jdbc.sql("select count(*) from report_dossier").query(Long.class).single();
			if (pending == 0 && seen >= this.made.size()) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the reports did not catch up");
	}

	private KpiReport report(String unit, LocalDate from, LocalDate to, boolean subtree, KpiBreakdown by) {
		return this.kpis.report(this.make.actor(SUPERVISOR), unit, from, to, subtree, by);
	}

	private static List<String> sheetNames(XSSFWorkbook book) {
		List<String> names = new ArrayList<>();
		book.forEach(s -> names.add(s.getSheetName()));
		return names;
	}

	private static Row rowOf(Sheet sheet, String key) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && key.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + key);
	}

	private static List<Row> lines(Sheet sheet, int first) {
		List<Row> lines = new ArrayList<>();
		for (int i = first; i <= sheet.getLastRowNum(); i++) {
			if (sheet.getRow(i) != null) {
				lines.add(sheet.getRow(i));
			}
		}
		return lines;
	}

}
