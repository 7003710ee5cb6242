package vn.motcua.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Malformed and hostile input, as a careless client or an attacker sends it, to every
 * write endpoint of the API and every form of the pages (issue 10): no answer is a 5xx,
 * the API answers a problem detail, and a refused request changes nothing. Each field of
 * each body gets a U+0000, another control character, a text longer than its column, a
 * value of the wrong type and a null; each body is also sent empty, truncated, as
 * {@code [null]} and nested deep. Runs on H2 and, with {@code -Ppostgres}, on PostgreSQL,
 * where U+0000 in a text parameter is an error of the database.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// a database of its own: a hostile value that is nonetheless valid (a blank name, a
// calendar of a far year) is taken, and must not change the demo ward other tests read
@TestPropertySource(properties = "motcua.test.database=bad-input")
class BadInputIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String NUL = "a\u0000b";

	private static final String BELL = "a\u0007b";

	private static final String[] TABLES = { "dossier", "dossier_history", "dossier_intake_slip", "org_unit",
			"org_officer", "org_unit_setting", "catalog_procedure_version", "feedback_rating", "calendar_day",
			"document_file", "dossier_pending_submission" };

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private String dossier;

	/** A case: what it sends, and how it is named in the report. */
	record Case(String name, AbstractMockHttpServletRequestBuilder<?> request) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	private static RequestPostProcessor admin() {
		return httpBasic("admin", "motcua-demo");
	}

	private static RequestPostProcessor counter() {
		return httpBasic(Api.COUNTER, "motcua-demo");
	}

	private static String longText(int length) {
		return "ắ".repeat(length);
	}

	/** A dossier of the demo ward to act on and look up (received once, on first use). */
	private String dossier() throws Exception {
		if (this.dossier == null) {
			String body = this.mvc.perform(
					post("/api/v1/dossiers").with(counter()).contentType(MediaType.APPLICATION_JSON).content(Api.BIRTH))
				.andReturn()
				.getResponse()
				.getContentAsString();
			this.dossier = JSON.readTree(body).get("dossier").get("code").asString();
		}
		return this.dossier;
	}

	Stream<Case> cases() throws Exception {
		List<Case> cases = new ArrayList<>();
		String code = dossier();
		// the API: each JSON body's fields, and the body as a whole
		Map<String, Integer> intakeFields = new LinkedHashMap<>();
		intakeFields.put("unit", 40);
		intakeFields.put("procedureCode", 40);
		intakeFields.put("channel", 0);
		intakeFields.put("applicant.name", 200);
		intakeFields.put("applicant.idNumber", 20);
		intakeFields.put("applicant.phone", 20);
		intakeFields.put("applicant.email", 120);
		intakeFields.put("applicant.address", 300);
		intakeFields.put("components.0.name", 500);
		intakeFields.put("components.0.originals", 0);
		intakeFields.put("refusalReason", 2000);
		json(cases, HttpMethod.POST, "/api/v1/dossiers", counter(), Api.BIRTH, intakeFields);
		String refusal = "{\"unit\":\"H56.15.40\",\"procedureCode\":\"1.001193\",\"channel\":\"COUNTER\","
				+ "\"applicant\":{\"name\":\"Lê Thị Bình\"},\"components\":[],\"refuse\":true,"
				+ "\"refusalReason\":\"Thiếu giấy tờ\"}";
		json(cases, HttpMethod.POST, "/api/v1/dossiers", counter(), refusal, Map.of("refusalReason", 4000));
		cases.add(new Case("intake components [null]", jsonRequest(HttpMethod.POST, "/api/v1/dossiers", counter(),
				Api.BIRTH.replaceFirst("\"components\": \\[", "\"components\": [null, "))));
		cases.add(new Case("intake originals 2^40", jsonRequest(HttpMethod.POST, "/api/v1/dossiers", counter(),
				Api.BIRTH.replaceFirst("\"originals\": 1", "\"originals\": 1099511627776"))));
		cases.add(new Case("intake originals -5", jsonRequest(HttpMethod.POST, "/api/v1/dossiers", counter(),
				Api.BIRTH.replaceFirst("\"originals\": 1", "\"originals\": -5"))));
		Map<String, Integer> actionFields = new LinkedHashMap<>();
		actionFields.put("assignee", 60);
		actionFields.put("note", 2000);
		actionFields.put("reason", 2000);
		actionFields.put("newDueAt", 0);
		actionFields.put("resultRef", 300);
		actionFields.put("channel", 0);
		actionFields.put("version", 0);
		for (String action : List.of("assign", "apologize", "request-supplement", "record-result")) {
			json(cases, HttpMethod.POST, "/api/v1/dossiers/" + code + "/actions/" + action,
					httpBasic(Api.LEADER, "motcua-demo"),
					"{\"assignee\":\"quangcu.chuyenvien\",\"note\":\"Ghi chú\","
							+ "\"reason\":\"Lý do\",\"newDueAt\":\"2030-01-01T08:00:00Z\",\"resultRef\":\"KQ-1\"}",
					actionFields);
		}
		for (String due : List.of("+300000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "1000000000-01-01T00:00:00Z",
				"1900-01-01T00:00:00Z", "2030-02-30T00:00:00Z")) {
			cases.add(new Case("apologize newDueAt " + due,
					jsonRequest(HttpMethod.POST, "/api/v1/dossiers/" + code + "/actions/apologize",
							httpBasic(Api.LEADER, "motcua-demo"),
							"{\"reason\":\"Chậm\",\"newDueAt\":\"" + due + "\"}")));
		}
		cases.add(new Case("action on a code with NUL", jsonRequest(HttpMethod.POST,
				"/api/v1/dossiers/a%00b/actions/assign", httpBasic(Api.LEADER, "motcua-demo"), "{}")));
		cases.add(new Case("action name with NUL", jsonRequest(HttpMethod.POST,
				"/api/v1/dossiers/" + code + "/actions/a%00b", httpBasic(Api.LEADER, "motcua-demo"), "{}")));
		Map<String, Integer> ratingFields = new LinkedHashMap<>();
		ratingFields.put("digits", 4);
		ratingFields.put("rating", 0);
		ratingFields.put("reason", 2000);
		json(cases, HttpMethod.POST, "/api/v1/lookup/" + code + "/rating", null,
				"{\"digits\":\"1234\",\"rating\":\"SATISFIED\",\"reason\":\"Tốt\"}", ratingFields);
		Map<String, Integer> unitFields = new LinkedHashMap<>();
		unitFields.put("code", 40);
		unitFields.put("parentCode", 40);
		unitFields.put("name", 200);
		unitFields.put("level", 0);
		unitFields.put("address", 300);
		unitFields.put("phone", 30);
		unitFields.put("email", 120);
		unitFields.put("workingHours", 100);
		unitFields.put("weekend", 0);
		unitFields.put("sameDayCutoff", 0);
		unitFields.put("supplementMode", 0);
		json(cases, HttpMethod.POST, "/api/v1/units", admin(),
				"{\"code\":\"BAD.1\",\"parentCode\":\"H56.15\",\"name\":\"Phường thử\",\"level\":\"COMMUNE\","
						+ "\"address\":\"1 Đường A\",\"phone\":\"0258\",\"email\":\"a@b.vn\","
						+ "\"workingHours\":\"07:30-11:30,13:30-17:00\",\"weekend\":[\"SATURDAY\",\"SUNDAY\"],"
						+ "\"sameDayCutoff\":\"10:00\",\"supplementMode\":\"PAUSE_ADDED\"}",
				unitFields);
		Map<String, Integer> settingsFields = new LinkedHashMap<>();
		settingsFields.put("effectiveFrom", 0);
		settingsFields.put("workingHours", 100);
		settingsFields.put("weekend", 0);
		settingsFields.put("sameDayCutoff", 0);
		json(cases, HttpMethod.POST, "/api/v1/units/H56.15.40/settings", admin(),
				"{\"effectiveFrom\":\"2099-01-01\",\"workingHours\":\"07:30-11:30,13:30-17:00\"}", settingsFields);
		Map<String, Integer> officerFields = new LinkedHashMap<>();
		officerFields.put("username", 60);
		officerFields.put("fullName", 200);
		officerFields.put("unitCode", 40);
		officerFields.put("roles", 0);
		officerFields.put("password", 200);
		json(cases, HttpMethod.POST, "/api/v1/officers", admin(),
				"{\"username\":\"bad.input\",\"fullName\":\"Trần Văn Cường\",\"unitCode\":\"H56.15.40\","
						+ "\"roles\":[\"SPECIALIST\"],\"password\":\"mot-mat-khau-dai\"}",
				officerFields);
		json(cases, HttpMethod.PUT, "/api/v1/officers/quangcu.chuyenvien2/contact", admin(),
				"{\"email\":\"a@b.vn\",\"phone\":\"0912345678\"}", Map.of("email", 120, "phone", 20));
		json(cases, HttpMethod.PUT, "/api/v1/officers/quangcu.chuyenvien2/password", admin(),
				"{\"password\":\"mot-mat-khau-dai\"}", Map.of("password", 200));
		json(cases, HttpMethod.PATCH, "/api/v1/officers/quangcu.chuyenvien2", admin(),
				"{\"roles\":[\"SPECIALIST\"],\"unitCode\":\"H56.15.40\"}", Map.of("roles", 0, "unitCode", 40));
		Map<String, Integer> yearFields = new LinkedHashMap<>();
		yearFields.put("year", 0);
		yearFields.put("source", 300);
		yearFields.put("days", 0);
		yearFields.put("days.0.date", 0);
		yearFields.put("days.0.kind", 0);
		yearFields.put("days.0.name", 200);
		String year = "{\"year\":2031,\"source\":\"Quyết định\",\"days\":[{\"date\":\"2031-09-02\","
				+ "\"kind\":\"HOLIDAY\",\"name\":\"Quốc khánh\"}]}";
		json(cases, HttpMethod.PUT, "/api/v1/calendar/H56.15.40/years/2031", admin(), year, yearFields);
		json(cases, HttpMethod.POST, "/api/v1/calendar/H56.15.40/import", admin(), "[" + year + "]",
				Map.of("0.source", 300, "0.days.0.name", 200, "0.days.0.date", 0));
		cases.add(new Case("calendar import [null]",
				jsonRequest(HttpMethod.POST, "/api/v1/calendar/H56.15.40/import", admin(), "[null]")));
		cases.add(new Case("calendar year days [null]", jsonRequest(HttpMethod.PUT,
				"/api/v1/calendar/H56.15.40/years/2031", admin(), "{\"year\":2031,\"days\":[null]}")));
		cases.add(new Case("calendar year 300000", jsonRequest(HttpMethod.PUT,
				"/api/v1/calendar/H56.15.40/years/300000", admin(), "{\"year\":300000,\"days\":[]}")));
		json(cases, HttpMethod.POST, "/api/v1/procedures/1.001193/publications?unit=H56.15.40", admin(),
				"{\"channel\":\"WEBSITE\",\"publishedOn\":\"2026-01-01\"}", Map.of("channel", 0, "publishedOn", 0));
		// the catalog import: JSON, CSV and multipart, malformed
		String csvHeader = "code,name,field,level,statutoryDays,cutDays,fee\n";
		for (Map.Entry<String, String> body : Map.of("csv with NUL cell", csvHeader + "1.001193,a\u0000b,x,1,5,3,0\n",
				"csv with bell", csvHeader + "1.001193,a\u0007b,x,1,5,3,0\n", "csv quote never closed",
				csvHeader + "1.001193,\"abc,x,1,5,3,0\n", "csv only header", csvHeader, "csv empty", "", "csv binary",
				"\u0001\u0002\u0003\u00ff\u00fe", "csv 10,000 bad rows", csvHeader + "x,,,,,,\n".repeat(10_000),
				"csv one long cell", csvHeader + "1.001193," + longText(70_000) + ",x,1,5,3,0\n")
			.entrySet()) {
			cases.add(new Case("catalog import " + body.getKey(),
					post("/api/v1/procedures/import?unit=H56.15.40").with(admin())
						.contentType("text/csv")
						.content(body.getValue().getBytes(StandardCharsets.UTF_8))));
		}
		for (String body : List.of("[null]", "null", "{}", "[{}]", "[{\"code\":null}]", "[{\"code\":\"a\\u0000b\"}]",
				"[{\"code\":\"1.1\",\"name\":\"" + longText(5000) + "\"}]", "[",
				"[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]")) {
			cases.add(new Case("catalog import json " + abbreviate(body),
					jsonRequest(HttpMethod.POST, "/api/v1/procedures/import?unit=H56.15.40", admin(), body)));
		}
		cases.add(new Case("catalog import multipart without boundary",
				post("/api/v1/procedures/import?unit=H56.15.40").with(admin())
					.contentType("multipart/form-data")
					.content("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n")));
		cases.add(new Case("catalog import multipart malformed",
				post("/api/v1/procedures/import?unit=H56.15.40").with(admin())
					.contentType("multipart/form-data; boundary=xyz")
					.content("this is not multipart at all")));
		cases.add(new Case("catalog import multipart no file part",
				multipart("/api/v1/procedures/import?unit=H56.15.40").param("x", "y").with(admin())));
		cases.add(new Case("catalog import multipart NUL file name",
				multipart("/api/v1/procedures/import?unit=H56.15.40")
					.file(new MockMultipartFile("file", "a\u0000b.csv", "text/csv", csvHeader.getBytes()))
					.with(admin())));
		cases.add(new Case("catalog import unit with NUL",
				post("/api/v1/procedures/import?unit=a%00b").with(admin()).contentType("text/csv").content(csvHeader)));
		cases.add(new Case("catalog import effectiveFrom year 300000",
				post("/api/v1/procedures/import?unit=H56.15.40&effectiveFrom=+300000-01-01").with(admin())
					.contentType("text/csv")
					.content(csvHeader)));
		// anonymous reads with a U+0000 or a control character anywhere
		for (String url : List.of("/api/v1/procedures?q=a%00b", "/api/v1/procedures?field=a%00b",
				"/api/v1/procedures?unit=a%00b", "/api/v1/procedures/a%00b", "/api/v1/procedures/fields?unit=a%00b",
				"/api/v1/procedures/1.001193/versions?unit=a%00b", "/api/v1/units?parent=a%00b", "/api/v1/units/a%00b",
				"/api/v1/units/a%00b/settings", "/api/v1/calendar/a%00b/holidays?year=2026",
				"/api/v1/calendar/H56.15.40/due?from=a%00b&amount=1&timeUnit=WORKING_DAYS",
				"/api/v1/calendar/H56.15.40/working-time?from=a%00b&to=b", "/api/v1/lookup/a%00b?digits=1234",
				"/api/v1/lookup/" + code + "?digits=1%002",
				"/api/v1/reports/a%00b/timeliness?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
				"/api/v1/procedures?q=a%07b", "/api/v1/procedures?q=%ff%fe", "/api/v1/procedures?q=" + "a".repeat(5000),
				"/api/v1/procedures?page=-1", "/api/v1/procedures?size=100000000", "/api/v1/procedures?page=2147483647",
				"/thu-tuc?q=a%00b", "/thu-tuc?q=a%07b", "/thu-tuc?q=" + "%C3%A1".repeat(3000), "/thu-tuc/a%00b",
				"/tra-cuu?code=a%00b&digits=1234", "/tra-cuu?code=" + code + "&digits=a%00b", "/don-vi/a%00b",
				"/nop-truc-tuyen?unit=a%00b&procedure=1.001193", "/nop-truc-tuyen?unit=H56.15.40&procedure=a%00b")) {
			cases.add(new Case("GET " + url.substring(0, Math.min(url.length(), 90)), get(java.net.URI.create(url))));
		}
		for (String url : List.of("/api/v1/dossiers?unit=H56.15.40&q=a%00b", "/api/v1/dossiers?unit=a%00b",
				"/api/v1/dossiers?unit=H56.15.40&assignee=a%00b", "/api/v1/dossiers?unit=H56.15.40&procedure=a%00b",
				"/api/v1/dossiers?unit=H56.15.40&from=+300000-01-01T00:00:00Z", "/api/v1/dossiers/a%00b",
				"/api/v1/dossiers/a%00b/history", "/api/v1/dossiers/a%00b/actions", "/api/v1/officers/a%00b")) {
			cases.add(new Case("GET (signed in) " + url, get(java.net.URI.create(url)).with(admin())));
		}
		// KPIs and history imports (issue 11)
		for (String url : List.of("/api/v1/reports/H56.15.40/kpis?from=a%00b&to=2024-01-01",
				"/api/v1/reports/H56.15.40/kpis?from=2024-02-30&to=2024-03-01",
				"/api/v1/reports/H56.15.40/kpis?from=2024-03-01&to=2024-01-01",
				"/api/v1/reports/H56.15.40/kpis?from=+300000-01-01&to=+300001-01-01",
				"/api/v1/reports/H56.15.40/kpis?from=1000-01-01&to=2024-01-01",
				"/api/v1/reports/H56.15.40/kpis?from=2024-01-01&to=2024-02-01&by=a%00b",
				"/api/v1/reports/H56.15.40/kpis?from=2024-01-01&to=2024-02-01&by=weekday",
				"/api/v1/reports/H56.15.40/kpis?from=2024-01-01&to=2024-02-01&subtree=maybe",
				"/api/v1/reports/a%00b/kpis?from=2024-01-01&to=2024-02-01",
				"/api/v1/reports/KHONGCO/kpis?from=2024-01-01&to=2024-02-01", "/api/v1/history-imports/abc",
				"/api/v1/history-imports/99999999", "/api/v1/history-imports?unit=a%00b",
				"/api/v1/history-imports/99999999/report?kind=a%00b",
				"/api/v1/reports/H56.15.40/dossiers?from=2024-01-01&to=2024-02-01&measure=received&by=procedure&key="
						+ "a".repeat(150),
				"/api/v1/reports/H56.15.40/dossiers?from=2024-01-01&to=2024-02-01&measure=received&by=field&key=a%01b")) {
			cases.add(new Case("GET (signed in) " + url, get(java.net.URI.create(url)).with(admin())));
		}
		for (String query : List.of("unit=H56.15.40&source=igate&format=xml",
				"unit=H56.15.40&source=a%00b&format=jsonl", "unit=H56.15.40&source=" + "a".repeat(41) + "&format=jsonl",
				"unit=H56.15.40&source=c%C3%B3%20d%E1%BA%A5u&format=jsonl", "unit=KHONGCO&source=igate&format=jsonl",
				"unit=a%00b&source=igate&format=jsonl", "unit=H56.15.40&format=jsonl",
				"unit=H56.15.40&source=igate&format=csv&fileName=a%00b")) {
			cases.add(new Case("POST history import " + query.substring(0, Math.min(60, query.length())),
					post(java.net.URI.create("/api/v1/history-imports?" + query)).with(admin())
						.contentType("application/x-ndjson")
						.content(query.contains("fileName") ? "" : "{}\n")));
		}
		// the pages' forms, as a browser sends them, with hostile values
		pageForms(cases, code);
		return cases.stream();
	}

	private void pageForms(List<Case> cases, String code) {
		RequestPostProcessor counterOfficer = user(Api.COUNTER).roles("ONE_STOP_OFFICER");
		RequestPostProcessor leader = user(Api.LEADER).roles("LEADER");
		RequestPostProcessor administrator = user("admin").roles("ADMINISTRATOR");
		Map<String, String> intake = new LinkedHashMap<>();
		intake.put("procedure", "1.001193");
		intake.put("channel", "COUNTER");
		intake.put("applicantName", "Nguyễn Văn An");
		intake.put("idNumber", "038090001234");
		intake.put("phone", "0912345678");
		intake.put("address", "1 Đường A");
		intake.put("refusalReason", "");
		form(cases, "counter intake", () -> multipart("/can-bo/tiep-nhan").with(counterOfficer), intake,
				Map.of("applicantName", 200, "idNumber", 20, "phone", 20, "address", 300, "refusalReason", 4000,
						"procedure", 40, "channel", 0));
		Map<String, String> refuse = new LinkedHashMap<>(intake);
		refuse.put("refuse", "true");
		refuse.put("refusalReason", "Thiếu giấy tờ");
		form(cases, "counter refusal", () -> multipart("/can-bo/tiep-nhan").with(counterOfficer), refuse,
				Map.of("refusalReason", 4000));
		cases.add(new Case("counter intake file name with NUL",
				((MockMultipartHttpServletRequestBuilder) multipart("/can-bo/tiep-nhan").with(counterOfficer))
					.file(new MockMultipartFile("file-0", "a\u0000b.pdf", "application/pdf", UploadRefusalIT.pdf()))
					.param("procedure", "1.001193")
					.param("channel", "COUNTER")
					.param("applicantName", "Nguyễn Văn An")
					.param("component", "Tờ khai đăng ký khai sinh")));
		Map<String, String> portal = new LinkedHashMap<>();
		portal.put("unit", "H56.15.40");
		portal.put("procedure", "1.001193");
		portal.put("name", "Nguyễn Văn An");
		portal.put("idNumber", "038090001234");
		portal.put("phone", "0912345678");
		portal.put("email", "an@example.vn");
		portal.put("address", "1 Đường A");
		form(cases, "portal submission", () -> multipart("/nop-truc-tuyen"), portal, Map.of("name", 200, "idNumber", 20,
				"phone", 20, "email", 120, "address", 300, "unit", 40, "procedure", 40));
		for (int length : List.of(121, 150, 200)) {
			Map<String, String> email = new LinkedHashMap<>(portal);
			email.put("email", "a".repeat(length - 9) + "@mail.vn");
			cases.add(new Case("portal e-mail of " + length + " characters",
					formRequest(multipart("/nop-truc-tuyen"), email)));
		}
		cases.add(new Case("portal file name with NUL",
				((MockMultipartHttpServletRequestBuilder) formRequest(multipart("/nop-truc-tuyen"), portal))
					.file(new MockMultipartFile("file-0", "a\u0000b.pdf", "application/pdf", UploadRefusalIT.pdf()))));
		form(cases, "portal verification", () -> post("/nop-truc-tuyen/xac-minh"),
				Map.of("pendingId", "1", "code", "123456", "email", "an@example.vn"),
				Map.of("pendingId", 40, "code", 10, "email", 120));
		form(cases, "look-up supplement", () -> multipart("/tra-cuu/bo-sung"),
				Map.of("code", code, "digits", "1234", "note", "Bổ sung"),
				Map.of("code", 40, "digits", 4, "note", 2000));
		form(cases, "look-up rating", () -> post("/tra-cuu/danh-gia"),
				Map.of("code", code, "digits", "1234", "rating", "SATISFIED", "reason", "Tốt"),
				Map.of("code", 40, "digits", 4, "rating", 0, "reason", 2000));
		for (String action : List.of("assign", "apologize", "refuse", "record-result")) {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("assignee", "quangcu.chuyenvien");
			fields.put("note", "Ghi chú");
			fields.put("reason", "Lý do");
			fields.put("newDueAt", "2030-01-01T08:00");
			fields.put("resultRef", "KQ-1");
			form(cases, "workspace " + action, () -> post("/can-bo/ho-so/" + code + "/" + action).with(leader), fields,
					Map.of("assignee", 60, "note", 2000, "reason", 4000, "newDueAt", 0, "resultRef", 300));
		}
		for (String due : List.of("+300000-01-01T08:00", "300000-01-01T08:00", "9999999999-01-01T08:00",
				"0000-01-01T08:00")) {
			cases.add(new Case("workspace apologize due " + due,
					post("/can-bo/ho-so/" + code + "/apologize").with(leader)
						.with(csrf())
						.param("reason", "Chậm")
						.param("newDueAt", due)));
		}
		Map<String, String> unit = new LinkedHashMap<>();
		unit.put("code", "BAD.2");
		unit.put("parentCode", "H56.15");
		unit.put("unitName", "Phường thử");
		unit.put("level", "COMMUNE");
		unit.put("address", "1 Đường A");
		unit.put("phone", "0258");
		unit.put("email", "a@b.vn");
		unit.put("workingHours", "07:30-11:30,13:30-17:00");
		unit.put("sameDayCutoff", "10:00");
		form(cases, "admin new unit", () -> post("/quan-tri/don-vi").with(administrator), unit,
				Map.of("code", 40, "parentCode", 40, "unitName", 200, "address", 300, "phone", 30, "email", 120,
						"workingHours", 100, "sameDayCutoff", 0, "level", 0));
		form(cases, "admin unit settings", () -> post("/quan-tri/don-vi/H56.15.40/cau-hinh").with(administrator), Map
			.of("effectiveFrom", "2099-01-01", "workingHours", "07:30-11:30,13:30-17:00", "sameDayCutoff", "10:00"),
				Map.of("effectiveFrom", 0, "workingHours", 100, "sameDayCutoff", 0));
		form(cases, "admin new officer", () -> post("/quan-tri/don-vi/H56.15.40/can-bo").with(administrator),
				Map.of("username", "bad.page", "fullName", "Trần Văn Cường", "roles", "SPECIALIST", "password",
						"mot-mat-khau-dai"),
				Map.of("username", 60, "fullName", 200, "roles", 0, "password", 200));
		form(cases, "admin officer password",
				() -> post("/quan-tri/can-bo/quangcu.chuyenvien2/mat-khau").with(administrator),
				Map.of("password", "mot-mat-khau-dai"), Map.of("password", 200));
		form(cases, "admin officer roles",
				() -> post("/quan-tri/can-bo/quangcu.chuyenvien2/vai-tro").with(administrator),
				Map.of("roles", "SPECIALIST"), Map.of("roles", 0));
		form(cases, "admin calendar", () -> post("/quan-tri/don-vi/H56.15.40/lich").with(administrator),
				Map.of("year", "2032", "source", "Quyết định", "days", "2032-09-02,HOLIDAY,Quốc khánh"),
				Map.of("year", 0, "source", 300, "days", 0));
		for (String days : List.of("+300000-01-01,HOLIDAY,x", "2032-02-30,HOLIDAY,x", ",,,,",
				"2032-09-02,HOLIDAY," + longText(300), "a\u0000b")) {
			cases.add(new Case("admin calendar days " + abbreviate(days),
					post("/quan-tri/don-vi/H56.15.40/lich").with(administrator)
						.with(csrf())
						.param("year", "2032")
						.param("days", days)));
		}
		cases.add(new Case("admin catalog upload NUL file name",
				((MockMultipartHttpServletRequestBuilder) multipart("/quan-tri/don-vi/H56.15.40/danh-muc")
					.with(administrator)
					.with(csrf()))
					.file(new MockMultipartFile("file", "a\u0000b.csv", "text/csv",
							"code,name\n1.1,a\u0000b\n".getBytes(StandardCharsets.UTF_8)))));
		cases.add(new Case("admin catalog upload binary",
				((MockMultipartHttpServletRequestBuilder) multipart("/quan-tri/don-vi/H56.15.40/danh-muc")
					.with(administrator)
					.with(csrf()))
					.file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream",
							new byte[] { 0x50, 0x4b, 3, 4, 0, 0, 0, 0 }))));
		for (String name : List.of(NUL, BELL, longText(200), "")) {
			for (String url : List.of("/api/v1/dossiers?unit=H56.15.40", "/actuator/prometheus")) {
				cases.add(new Case("Basic user name " + abbreviate(name) + " on " + url,
						get(java.net.URI.create(url)).with(httpBasic(name, "motcua-demo"))));
			}
			cases.add(new Case("Basic user name " + abbreviate(name) + " on an intake",
					jsonRequest(HttpMethod.POST, "/api/v1/dossiers", httpBasic(name, "motcua-demo"), Api.BIRTH)));
		}
		cases.add(new Case("sign-in with NUL",
				post("/dang-nhap").with(csrf()).param("username", NUL).param("password", NUL)));
		cases.add(new Case("sign-in with a long name",
				post("/dang-nhap").with(csrf()).param("username", longText(5000)).param("password", "x")));
	}

	/**
	 * The form with each field in turn given a NUL, a bell, a text longer than its column
	 * (where it has one), and missing.
	 */
	private static void form(List<Case> cases, String name,
			java.util.function.Supplier<AbstractMockHttpServletRequestBuilder<?>> target, Map<String, String> valid,
			Map<String, Integer> fields) {
		for (Map.Entry<String, Integer> field : fields.entrySet()) {
			for (Map.Entry<String, String> bad : badTexts(field.getValue()).entrySet()) {
				Map<String, String> values = new LinkedHashMap<>(valid);
				values.put(field.getKey(), bad.getValue());
				cases
					.add(new Case(name + " " + field.getKey() + " " + bad.getKey(), formRequest(target.get(), values)));
			}
		}
	}

	private static AbstractMockHttpServletRequestBuilder<?> formRequest(
			AbstractMockHttpServletRequestBuilder<?> request, Map<String, String> values) {
		values.forEach((name, value) -> request.param(name, value));
		request.with(csrf());
		return request;
	}

	private static Map<String, String> badTexts(int column) {
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("NUL", NUL);
		bad.put("bell", BELL);
		bad.put("too long", longText(column > 0 ? column + 1 : 5000));
		bad.put("blank", " ");
		return bad;
	}

	/**
	 * The JSON body with each field in turn given a NUL, a bell, a text longer than its
	 * column (where it has one), an object, and null; and the body itself malformed.
	 */
	private static void json(List<Case> cases, HttpMethod method, String path, RequestPostProcessor auth, String valid,
			Map<String, Integer> fields) throws Exception {
		String name = method + " " + path.replaceAll("/\\d{2}[.]\\d{3}[.]\\d{2}[.]\\S+?/", "/{code}/");
		for (Map.Entry<String, Integer> field : fields.entrySet()) {
			Map<String, Function<JsonNode, JsonNode>> values = new LinkedHashMap<>();
			values.put("NUL", n -> JSON.getNodeFactory().stringNode(NUL));
			values.put("bell", n -> JSON.getNodeFactory().stringNode(BELL));
			values.put("too long", n -> JSON.getNodeFactory()
				.stringNode(longText(field.getValue() > 0 ? field.getValue() + 1 : 5000)));
			values.put("object", n -> JSON.createObjectNode().put("x", 1));
			values.put("null", n -> JSON.getNodeFactory().nullNode());
			values.put("[null]", n -> JSON.createArrayNode().addNull());
			for (Map.Entry<String, Function<JsonNode, JsonNode>> value : values.entrySet()) {
				JsonNode body = JSON.readTree(valid);
				set(body, field.getKey(), value.getValue());
				cases.add(new Case(name + " " + field.getKey() + " " + value.getKey(),
						jsonRequest(method, path, auth, JSON.writeValueAsString(body))));
			}
		}
		for (String body : List.of("", "{", "[null]", "null", "\"text\"", "42",
				"{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}", "{\"x\":\"\\u0000\"}",
				valid.substring(0, valid.length() / 2))) {
			cases.add(new Case(name + " body " + abbreviate(body), jsonRequest(method, path, auth, body)));
		}
		cases.add(new Case(name + " as text/plain",
				request(method, path).with(auth == null ? r -> r : auth)
					.contentType(MediaType.TEXT_PLAIN)
					.content(valid)));
	}

	private static void set(JsonNode body, String path, Function<JsonNode, JsonNode> value) {
		String[] parts = path.split("\\.");
		JsonNode node = body;
		for (int i = 0; i < parts.length - 1; i++) {
			node = parts[i].matches("\\d+") ? node.get(Integer.parseInt(parts[i])) : node.get(parts[i]);
		}
		String last = parts[parts.length - 1];
		if (node instanceof ArrayNode array) {
			array.set(Integer.parseInt(last), value.apply(array.get(Integer.parseInt(last))));
		}
		else {
			((ObjectNode) node).set(last, value.apply(node.get(last)));
		}
	}

	private static MockHttpServletRequestBuilder jsonRequest(HttpMethod method, String path, RequestPostProcessor auth,
			String body) {
		MockHttpServletRequestBuilder request = request(method, java.net.URI.create(path))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8));
		return auth == null ? request : request.with(auth);
	}

	private static String abbreviate(String text) {
		String shown = text.replaceAll("\\p{Cntrl}", "·");
		return shown.length() > 40 ? shown.substring(0, 40) + "…(" + shown.length() + ")" : shown;
	}

	private Map<String, Integer> counts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, this.jdbc.sql("select count(*) from " + table).query(Integer.class).single());
		}
		return counts;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void noBadInputIsAServerError(Case c) throws Exception {
		Map<String, Integer> before = counts();
		MockHttpServletResponse response = this.mvc.perform(c.request()).andReturn().getResponse();
		assertThat(response.getStatus()).as("status of %s", c.name()).isLessThan(500);
		boolean api = c.request()
			.buildRequest(new org.springframework.mock.web.MockServletContext())
			.getRequestURI()
			.startsWith("/api/");
		if (response.getStatus() >= 400) {
			if (api && response.getStatus() != 401) {
				assertThat(response.getContentType()).as("content type of %s", c.name())
					.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			}
			assertThat(counts()).as("what %s changed", c.name()).isEqualTo(before);
		}
	}

	@Test
	void aMultipartBodyToTheRatingIsRefusedUnread() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(multipart("/tra-cuu/danh-gia").param("code", dossier())
				.param("digits", "1234")
				.param("rating", "SATISFIED")
				.param("reason", longText(20_000))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(415);
		MockHttpServletResponse api = this.mvc
			.perform(multipart("/api/v1/lookup/{code}/rating", dossier()).param("digits", "1234"))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(415);
		assertThat(api.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	@Test
	void theSuiteHasAtLeast200Cases() throws Exception {
		assertThat(cases().count()).isGreaterThanOrEqualTo(200);
	}

	static RequestPostProcessor anonymous() {
		return SecurityMockMvcRequestPostProcessors.anonymous();
	}

}
