package vn.motcua.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierHistory;
import vn.motcua.dossier.ImportedDossier;
import vn.motcua.history.HistoryFormat;
import vn.motcua.history.HistoryImports;
import vn.motcua.org.Actor;
import vn.motcua.reporting.KpiReport;
import vn.motcua.reporting.Kpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.as;

/**
 * History imports (ADR 29): random histories replayed through the importer and every KPI
 * checked against the dossier rows; a file with bad rows, each reported with its line and
 * field, the good ones kept; the same file again changes nothing; a job stopped by a
 * crash in the middle resumes and imports each dossier once; the same history as CSV.
 */
@IntegrationTest
@TestPropertySource(properties = { "motcua.test.database=history", "motcua.history.poll=PT0.2S" })
class HistoryImportIT {

	static final String WARD = "H56.15.41";

	/** The ward of the random histories, with no other dossier. */
	static final String RANDOM_WARD = "H56.15.42";

	static final ZoneOffset VN = ZoneOffset.ofHours(7);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Kpis kpis;

	@Autowired
	HistoryImports imports;

	@Autowired
	DossierHistory history;

	@Autowired
	vn.motcua.document.FileStore files;

	@Test
	void randomHistoriesComeInAndEveryKpiIsTheCountOfTheDossierRows() throws Exception {
		Random random = new Random(11);
		StringBuilder file = new StringBuilder();
		for (int i = 1; i <= 400; i++) {
			file.append(randomDossier(random, "R" + i)).append('\n');
		}
		JsonNode job = importFile(RANDOM_WARD, "igate-random", "jsonl", file.toString());
		assertThat(job.get("status").asString()).isEqualTo("DONE");
		assertThat(job.get("imported").asLong()).as(errors(job)).isEqualTo(400);
		assertThat(job.get("failed").asLong()).isZero();
		awaitEvents();
		KpiCount rows = KpiCount.of(this.jdbc, RANDOM_WARD);
		assertThat(rows.dossiers).hasSize(400);
		Actor admin = Actor.administrator("admin");
		LocalDate first = LocalDate.of(2024, 1, 1);
		List<LocalDate[]> periods = new ArrayList<>(List.of(new LocalDate[] { first, LocalDate.of(2024, 12, 31) },
				new LocalDate[] { LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31) },
				new LocalDate[] { LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31) }));
		for (int i = 0; i < 20; i++) {
			LocalDate a = first.plusDays(random.nextInt(300));
			periods.add(new LocalDate[] { a, a.plusDays(random.nextInt(120)) });
		}
		for (LocalDate[] p : periods) {
			KpiReport report = this.kpis.report(admin, RANDOM_WARD, p[0], p[1], false, null);
			// the history is over long before today: the rows' due times are those at any
			// end
			assertThat(report.figures()).as("%s – %s", p[0], p[1]).isEqualTo(rows.count(p[0], p[1], d -> true, null));
		}
		assertThat(rows.dossiers.stream().filter(d -> "LATE".equals(d.timeliness())).count()).isPositive();
		assertThat(this.jdbc.sql("select count(*) from dossier where unit_code = ? and source = 'igate-random'")
			.param(RANDOM_WARD)
			.query(Long.class)
			.single()).isEqualTo(400);
	}

	@Test
	void badRowsAreReportedWithLineAndFieldAndTheGoodOnesKeptAndAgainChangesNothing() throws Exception {
		Random random = new Random(5);
		String file = randomDossier(random, "B1") + "\n" + "{not json\n"
				+ randomDossier(random, "B3").replace("\"receivedAt\":", "\"receivedAtX\":") + "\n"
				+ randomDossier(random, "B4").replaceFirst("\"procedure\":\"[0-9.]+\"", "\"procedure\":\"9.999999\"")
				+ "\n" + randomDossier(random, "B5").replaceFirst("\"type\":\"[A-Z_]+\"", "\"type\":\"TELEPORTED\"")
				+ "\n\n" + randomDossier(random, "B7") + "\n";
		JsonNode job = importFile("igate-bad", "jsonl", file);
		assertThat(job.get("imported").asLong()).as(errors(job)).isEqualTo(2);
		assertThat(job.get("failed").asLong()).isEqualTo(4);
		JsonNode report = Api.json(
				this.mvc
					.perform(get("/api/v1/history-imports/{id}/report", job.get("id").asLong()).param("kind", "ERROR")
						.with(as("admin")))
					.andExpect(status().isOk()));
		List<String> lines = new ArrayList<>();
		report.get("items").forEach(n -> lines.add(n.get("line").asLong() + ":" + n.get("field").asString()));
		assertThat(lines).contains("2:line", "3:receivedAt", "4:procedure", "5:events[0].type");
		long dossiers = count("select count(*) from dossier");
		long history = count("select count(*) from dossier_history");

		JsonNode again = importFile("igate-bad", "jsonl", file);
		assertThat(again.get("imported").asLong()).isZero();
		assertThat(again.get("skipped").asLong()).isEqualTo(2);
		assertThat(count("select count(*) from dossier")).isEqualTo(dossiers);
		assertThat(count("select count(*) from dossier_history")).isEqualTo(history);
	}

	@Test
	void aJobStoppedByACrashResumesAndImportsEachDossierOnce() throws Exception {
		Random random = new Random(7);
		StringBuilder file = new StringBuilder();
		for (int i = 1; i <= 300; i++) {
			file.append(randomDossier(random, "C" + i)).append('\n');
		}
		byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
		// the state a crash leaves: the job recorded 120 lines, the dossiers of 35 more
		// were
		// imported after that, and its instance, gone, still holds its claim; made so
		// here,
		// so that the runner cannot take the job before the test lets it
		String key = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		this.files.put(key, new java.io.ByteArrayInputStream(bytes), bytes.length);
		this.jdbc
			.sql("insert into history_import_job (unit_code, source, format, file_key, file_name, bytes, status,"
					+ " lines_done, imported, created_by, created_at, claimed_by, claimed_until)"
					+ " values (?, 'igate-crash', 'JSONL', ?, 'crash.jsonl', ?, 'RUNNING', 120, 120, 'admin', ?,"
					+ " 'dead', ?)")
			.params(WARD, key, bytes.length, java.time.OffsetDateTime.now(),
					java.time.OffsetDateTime.now().plusMinutes(10))
			.update();
		long jobId = count("select max(id) from history_import_job where source = 'igate-crash'");
		var reader = vn.motcua.history.internal.HistoryReader.of(HistoryFormat.JSONL,
				new java.io.ByteArrayInputStream(bytes), "igate-crash");
		for (int i = 1; i <= 155; i++) {
			this.history.replay(reader.next().dossier(), WARD, jobId, i);
		}
		assertThat(count("select count(*) from dossier where source = 'igate-crash'")).isEqualTo(155);
		// the claim lapses: the runner takes the job over
		this.jdbc.sql("update history_import_job set claimed_until = ? where id = ?")
			.params(java.time.OffsetDateTime.now().minusSeconds(1), jobId)
			.update();
		JsonNode done = awaitDone(jobId);
		assertThat(done.get("imported").asLong()).isEqualTo(300);
		assertThat(done.get("skipped").asLong()).isZero();
		assertThat(done.get("failed").asLong()).isZero();
		assertThat(count("select count(*) from dossier where source = 'igate-crash'")).isEqualTo(300);
		assertThat(count("select count(*) from (select code from dossier group by code having count(*) > 1) twice"))
			.isZero();
	}

	@Test
	void anImportedOpenDossierGoesOnUnderTheUsualRulesAndItsCodeIsNotGivenAgain() throws Exception {
		String today = java.time.LocalDate.now(VN).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
		String code = WARD + "-" + today + "-0001";
		String line = "{\"sourceId\":\"OPEN-1\",\"code\":\"" + code + "\",\"procedure\":\"1.000894\","
				+ "\"channel\":\"COUNTER\",\"applicant\":{\"name\":\"Hà Văn Mở\"},\"receivedAt\":\""
				+ java.time.OffsetDateTime.now(VN).minusMinutes(5) + "\"}\n";
		JsonNode job = importFile("igate-open", "jsonl", line);
		assertThat(job.get("imported").asLong()).as(errors(job)).isOne();
		// the ward's counter officer may not hand on the specialist's step (the replay's
		// leave to skip roles and assignments ended with the import)
		new Api(this.mvc).act(Api.OTHER_WARD_COUNTER, code, "forward", "{\"assignee\": \"trungson.lanhdao\"}")
			.andExpect(status().isForbidden());
		// the next dossier received today gets the next code, not the imported one's
		String next = Api
			.json(new Api(this.mvc).intake(Api.OTHER_WARD_COUNTER, """
					{"unit": "H56.15.41", "procedureCode": "1.000894", "channel": "COUNTER",
					 "applicant": {"name": "Phạm Văn Dũng"},
					 "components": [{"name": "Tờ khai đăng ký kết hôn", "originals": 1},
					   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}]}""")
				.andExpect(status().isCreated()))
			.get("dossier")
			.get("code")
			.asString();
		assertThat(next).isEqualTo(WARD + "-" + today + "-0002");
	}

	@Test
	void aByteOrderMarkATwiceUsedIdAndAFormBodyAreHandled() throws Exception {
		String csv = "\uFEFF" + """
				sourceId,code,procedure,channel,applicantName,receivedAt,event,eventAt
				M1,H56.15.41-240501-9001,1.001193,COUNTER,Phan Văn Một,2024-05-02 08:00:00,RETURNED,2024-05-02 10:00:00
				M2,H56.15.41-240501-9002,1.001193,COUNTER,Phan Văn Hai,2024-05-02 08:10:00,RETURNED,2024-05-02 10:00:00
				M1,H56.15.41-240501-9003,1.001193,COUNTER,Phan Văn Ba,2024-05-02 08:20:00,RETURNED,2024-05-02 10:00:00
				""";
		JsonNode job = importFile("csv-bom", "csv", csv);
		assertThat(job.get("imported").asLong()).as(errors(job)).isEqualTo(2);
		assertThat(job.get("failed").asLong()).isOne();
		assertThat(errors(job)).contains("\"field\":\"sourceId\"").contains("dòng 2");
		this.mvc
			.perform(post("/api/v1/history-imports").param("unit", WARD)
				.param("source", "form")
				.param("format", "csv")
				.with(as("admin"))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("a=b"))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void theSameHistoryAsCsvComesInAndADifferentVerdictIsExplained() throws Exception {
		String csv = """
				sourceId,code,unit,procedure,channel,applicantName,applicantIdNumber,receivedAt,dueAt,verdict,resultSigned,components,fees,event,eventAt,eventBy,eventNote,eventNewDueAt,eventChannel,eventResultRef
				V1,H56.15.41-240301-9001,,1.000894,COUNTER,Trần Thị Bích,123456789,2024-03-01 08:00:00,2024-03-05 17:00:00,ON_TIME,true,Tờ khai đăng ký kết hôn*;Giấy tờ tùy thân,Lệ phí:0:NONE,HANDOVER,2024-03-01 09:00:00,cb.trungson,,,,
				V1,,,,,,,,,,,,,RESULT,2024-03-15 10:00:00,ld.trungson,,,,KQ-1
				V1,,,,,,,,,,,,,RETURNED,2024-03-15 15:00:00,mc.trungson,,,COUNTER,
				V2,H56.15.41-240301-9002,,1.000894,ONLINE,Lê Văn Cường,,2024-03-01 09:00:00,,,,,,STOPPED,2024-03-02 09:00:00,,Công dân xin dừng,,,
				""";
		JsonNode job = importFile("vnpt-csv", "csv", csv);
		assertThat(job.get("imported").asLong()).isEqualTo(2);
		assertThat(job.get("differing").asLong()).isEqualTo(1);
		JsonNode report = Api.json(
				this.mvc
					.perform(get("/api/v1/history-imports/{id}/report", job.get("id").asLong()).param("kind", "DIFFERS")
						.with(as("admin")))
					.andExpect(status().isOk()));
		assertThat(report.get("items").get(0).get("line").asLong()).isEqualTo(2);
		assertThat(report.get("items").get(0).get("message").asString()).contains("MotCua: trễ hạn")
			.contains("hệ thống cũ: đúng hạn");
		assertThat(this.jdbc.sql("select timeliness from dossier where code = 'H56.15.41-240301-9001'")
			.query(String.class)
			.single()).isEqualTo("LATE");
		assertThat(this.jdbc.sql("select status from dossier where code = 'H56.15.41-240301-9002'")
			.query(String.class)
			.single()).isEqualTo("STOPPED");
		assertThat(this.jdbc.sql(
				"select digitized_components from dossier_import_source where source_id = 'V1' and source = 'vnpt-csv'")
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aCsvFileBrokenInTheMiddleKeepsWhatCameBeforeAndSaysWhere() throws Exception {
		String csv = """
				sourceId,code,procedure,channel,applicantName,receivedAt,event,eventAt
				K1,H56.15.41-240401-9001,1.001193,COUNTER,Phan Văn Khải,2024-04-01 08:00:00,RETURNED,2024-04-01 10:00:00
				K2,H56.15.41-240401-9002,1.001193,COUNTER,"Lê Thị Hoa,2024-04-01 08:30:00,RETURNED,2024-04-01 10:00:00
				K3,H56.15.41-240401-9003,1.001193,COUNTER,Đỗ Văn Nam,2024-04-01 09:00:00,,
				""";
		JsonNode job = importFile("csv-broken", "csv", csv);
		assertThat(job.get("imported").asLong()).isEqualTo(1);
		assertThat(job.get("failed").asLong()).isEqualTo(1);
		assertThat(errors(job)).contains("tệp CSV không đọc tiếp được");
	}

	@Test
	void onlyTheUnitsAdministratorImports() throws Exception {
		this.mvc
			.perform(post("/api/v1/history-imports").param("unit", WARD)
				.param("source", "x")
				.param("format", "jsonl")
				.with(as("trungson.motcua"))
				.contentType("application/x-ndjson")
				.content("{}\n"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/history-imports").param("unit", WARD)
				.param("source", "x y")
				.param("format", "jsonl")
				.with(as("admin"))
				.contentType("application/x-ndjson")
				.content("{}\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("source"));
	}

	// ------------------------------------------------------------------ helpers

	/** A random dossier of the ward's history in 2024, as one JSON line. */
	static String randomDossier(Random random, String id) {
		LocalDate day = LocalDate.of(2024, 1, 2).plusDays(random.nextInt(330));
		while (day.getDayOfWeek().getValue() > 5) {
			day = day.plusDays(1);
		}
		LocalDateTime received = day.atTime(7 + random.nextInt(9), random.nextInt(60));
		boolean marriage = random.nextBoolean();
		String channel = List.of("COUNTER", "COUNTER", "POST", "ONLINE").get(random.nextInt(4));
		List<String> events = new ArrayList<>();
		LocalDateTime t = received;
		if (random.nextInt(3) > 0) {
			t = t.plusMinutes(30 + random.nextInt(600));
			events.add(event("HANDOVER", t, "\"by\":\"cb.trungson\""));
		}
		boolean waiting = false;
		if (random.nextInt(6) == 0) {
			t = t.plusHours(1 + random.nextInt(30));
			events.add(event("SUPPLEMENT_REQUESTED", t, "\"note\":\"Bổ sung giấy tờ\""));
			waiting = random.nextInt(4) == 0;
			if (!waiting) {
				t = t.plusHours(2 + random.nextInt(100));
				events.add(event("SUPPLEMENT_RECEIVED", t, null));
				if (random.nextInt(5) == 0) {
					t = t.plusHours(1);
					events.add(event("SUPPLEMENT_REQUESTED", t, "\"note\":\"Bổ sung lần hai\""));
					t = t.plusHours(5);
					events.add(event("SUPPLEMENT_RECEIVED", t, null));
				}
			}
		}
		if (random.nextInt(8) == 0) {
			t = t.plusMinutes(10);
			events.add(event("APOLOGY", t, "\"note\":\"Cần xác minh\",\"newDueAt\":\""
					+ t.plusDays(40 + random.nextInt(20)).atOffset(VN) + "\""));
		}
		// one still waiting for the applicant's supplement has not ended
		int end = waiting ? 19 : random.nextInt(20);
		if (end < 14) {
			t = t.plusHours(1 + random.nextInt(marriage ? 80 : 30));
			events.add(event("RESULT", t, "\"resultRef\":\"KQ-" + id + "\""));
			t = t.plusHours(random.nextInt(20));
			events.add(event("RETURNED", t, "\"channel\":\"COUNTER\""));
		}
		else if (end == 14) {
			t = t.plusHours(3);
			events.add(event("REFUSED", t, "\"note\":\"Không đủ điều kiện\""));
		}
		else if (end == 15) {
			t = t.plusHours(3);
			events.add(event("STOPPED", t, null));
		}
		else if (end == 16) {
			t = t.plusHours(3);
			events.add(event("WITHDRAWN", t, null));
		}
		String components = marriage
				? "[{\"name\":\"Tờ khai đăng ký kết hôn\",\"digitized\":" + random.nextBoolean()
						+ "},{\"name\":\"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)\"}]"
				: "[{\"name\":\"Tờ khai đăng ký khai sinh\",\"digitized\":true}]";
		return "{\"sourceId\":\"" + id + "\",\"code\":\"H56.15.41-" + id + "\",\"procedure\":\""
				+ (marriage ? "1.000894" : "1.001193") + "\",\"channel\":\"" + channel
				+ "\",\"applicant\":{\"name\":\"Nguyễn Văn " + id + "\",\"phone\":\"0912345678\"},\"components\":"
				+ components + ",\"receivedAt\":\"" + received.atOffset(VN) + "\",\"events\":["
				+ String.join(",", events) + "],\"resultSigned\":true}";
	}

	private static String event(String type, LocalDateTime at, String more) {
		return "{\"type\":\"" + type + "\",\"at\":\"" + at.atOffset(VN) + "\"" + (more == null ? "" : "," + more) + "}";
	}

	private JsonNode importFile(String source, String format, String content) throws Exception {
		return importFile(WARD, source, format, content);
	}

	private JsonNode importFile(String unit, String source, String format, String content) throws Exception {
		JsonNode job = Api.json(
				this.mvc
					.perform(post("/api/v1/history-imports").param("unit", unit)
						.param("source", source)
						.param("format", format)
						.with(as("admin"))
						.contentType(format.equals("csv") ? MediaType.parseMediaType("text/csv")
								: MediaType.parseMediaType("application/x-ndjson"))
						.content(content.getBytes(StandardCharsets.UTF_8)))
					.andExpect(status().isAccepted()));
		return awaitDone(job.get("id").asLong());
	}

	/** The job's report of errors, to say why a test failed. */
	private String errors(JsonNode job) throws Exception {
		return Api.json(
				this.mvc
					.perform(get("/api/v1/history-imports/{id}/report", job.get("id").asLong()).param("kind", "ERROR")
						.with(as("admin")))
					.andExpect(status().isOk()))
			.toString();
	}

	private JsonNode awaitDone(long id) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		JsonNode job;
		do {
			Thread.sleep(100);
			job = Api.json(this.mvc.perform(get("/api/v1/history-imports/{id}", id).with(as("admin")))
				.andExpect(status().isOk()));
		}
		while (!job.get("status").asString().equals("DONE") && System.nanoTime() < deadline);
		assertThat(job.get("status").asString()).isEqualTo("DONE");
		return job;
	}

	private void awaitEvents() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline && count("select count(*) from event_publication") > 0) {
			Thread.sleep(100);
		}
		assertThat(count("select count(*) from event_publication")).isZero();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
