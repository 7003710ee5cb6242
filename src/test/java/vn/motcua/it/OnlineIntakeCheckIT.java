package vn.motcua.it;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.IntakeOutcome;
import vn.motcua.dossier.OnlineSubmissions;
import vn.motcua.notification.Notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.COUNTER;
import static vn.motcua.it.Api.LEADER;
import static vn.motcua.it.Api.SPECIALIST;
import static vn.motcua.it.Api.as;

/**
 * An online submission waits for the one-stop officer's check (ADR 15): submitted and
 * confirmed, it is in the counter's queue with its own due time; accepted, it is received
 * and due from the acceptance, and only then counted by the reports; asked for more, the
 * applicant uploads the additions on the look-up page and it is checked again; refused,
 * it ends, never counted. A supplement, too, is uploaded on the look-up page, which says
 * what to add and that the clock is paused, and after an apology shows it with the new
 * due time.
 */
@IntegrationTest
@Import(OnlineIntakeCheckIT.Clock.class)
class OnlineIntakeCheckIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(MONDAY, ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	/** Monday 3 March 2025, 09:00 in Vietnam: an ordinary working day. */
	static final Instant MONDAY = CalendarFixture.at("2025-03-03T09:00");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	OnlineSubmissions submissions;

	@Autowired
	Notifications notifications;

	@Autowired
	Calendars calendars;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc);
		this.clock.set(MONDAY);
	}

	/**
	 * Submits a birth registration online as the applicant with this ID number (its last
	 * four digits prove the look-up) and confirms it with the e-mailed code.
	 */
	private String submitOnline(String idNumber, String email) {
		DossierIntake.IntakeRequest b = Api.birth();
		OnlineSubmissions.Started started = this.submissions.start(email,
				new DossierIntake.IntakeRequest(b.unitCode(), b.procedureCode(), Channel.ONLINE,
						new Applicant("Lê Thị Thu", idNumber, null, null, null), b.components(), false, null),
				List.of());
		String code = this.notifications.latest(20)
			.stream()
			.filter(m -> m.recipient().equals(email))
			.findFirst()
			.orElseThrow()
			.subject()
			.replaceAll(".*(\\d{6}).*", "$1");
		DossierIntake.IntakeResult result = this.submissions.confirm(started.pendingId(), code);
		assertThat(result.outcome()).isEqualTo(IntakeOutcome.SUBMITTED);
		return result.dossier().code();
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private ResultActions lookupPage(String code, String digits, String address) throws Exception {
		return this.mvc.perform(get("/tra-cuu").param("code", code).param("digits", digits).with(from(address)));
	}

	private ResultActions upload(String code, String digits, String address, String note, MockMultipartFile... files)
			throws Exception {
		var request = multipart("/tra-cuu/bo-sung");
		for (MockMultipartFile f : files) {
			request.file(f);
		}
		return this.mvc.perform(request.param("code", code)
			.param("digits", digits)
			.param("note", note == null ? "" : note)
			.with(from(address))
			.with(csrf()));
	}

	private String statusOf(String code) {
		return this.jdbc.sql("select status from dossier where code = ?").param(code).query(String.class).single();
	}

	private JsonNode report() throws Exception {
		return Api.json(
				this.mvc
					.perform(get("/api/v1/reports/{unit}/timeliness", Api.WARD).param("from", "2025-03-01T00:00:00Z")
						.param("to", "2025-04-01T00:00:00Z"))
					.andExpect(status().isOk()));
	}

	/** Waits until the dossier events reach the read models (or ten seconds). */
	private void eventsDelivered() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline
				&& this.jdbc.sql("select count(*) from event_publication where completion_date is null")
					.query(Long.class)
					.single() > 0) {
			Thread.sleep(50);
		}
	}

	@Test
	void anAcceptedOnlineSubmissionIsDueFromItsAcceptanceAndOnlyThenCounted() throws Exception {
		eventsDelivered();
		long receivedBefore = report().get("received").asLong();
		String code = submitOnline("038190005511", "le.thu.1@example.vn");
		// in the counter's queue, due 8 working hours after the submission: Tuesday 09:00
		this.mvc.perform(
				get("/api/v1/dossiers").param("unit", Api.WARD).param("status", "AWAITING_INTAKE").with(as(COUNTER)))
			.andExpect(jsonPath("$.items[?(@.code == '" + code + "')]").exists());
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(as(COUNTER)))
			.andExpect(jsonPath("$.status").value("AWAITING_INTAKE"))
			.andExpect(jsonPath("$.receivedAt").doesNotExist())
			.andExpect(jsonPath("$.intakeDueAt").value("2025-03-04T02:00:00Z"));
		String home = this.mvc.perform(get("/can-bo").with(user(COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the first of the counter's queues, and only there
		String toCheck = home.substring(home.indexOf("id=\"queue-toCheck\""));
		toCheck = toCheck.substring(0, toCheck.indexOf("</section>"));
		assertThat(toCheck).contains("Hồ sơ trực tuyến chờ tiếp nhận").contains(code);
		assertThat(home.indexOf("id=\"queue-toCheck\"")).isLessThan(home.indexOf("id=\"queue-toAssign\""));
		assertThat(home.split(java.util.regex.Pattern.quote("data-code=\"" + code + "\""), -1)).hasSize(2);
		this.mvc.perform(get("/api/v1/dossiers/{code}/actions", code).with(as(COUNTER)))
			.andExpect(jsonPath("$[*].action")
				.value(org.hamcrest.Matchers.contains("accept", "ask-for-more", "refuse-online")));
		// the dossier page: accepting is the next step, asking for more another action,
		// refusing set apart and confirmed; each with its own field
		String page = this.mvc.perform(get("/can-bo/ho-so/{code}", code).with(user(COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String nextStep = page.substring(page.indexOf("class=\"next-step\""), page.indexOf("</section>"));
		assertThat(nextStep).contains("id=\"action-accept\"").contains("Tiếp nhận hồ sơ");
		String others = page.substring(page.indexOf("class=\"more-actions\""));
		assertThat(others.substring(0, others.indexOf("</section>"))).contains("id=\"action-ask-for-more\"")
			.contains("Cần bổ sung những gì (người nộp sẽ thấy nội dung này)");
		String ends = page.substring(page.indexOf("class=\"destructive-actions\""));
		assertThat(ends.substring(0, ends.indexOf("</section>"))).contains("id=\"action-refuse-online\"")
			.contains("id=\"reason-refuse-online\"")
			.contains("Lý do từ chối (người nộp sẽ thấy nội dung này)")
			.contains("data-confirm=\"Từ chối tiếp nhận hồ sơ trực tuyến " + code);
		assertThat(page).contains("id=\"check-due\"").doesNotContain("Giấy tiếp nhận");
		this.mvc.perform(get("/api/v1/dossiers/{code}/actions", code).with(as(SPECIALIST)))
			.andExpect(jsonPath("$").isEmpty());
		this.api.act(SPECIALIST, code, "accept", null).andExpect(status().isForbidden());
		this.api.act(COUNTER, code, "assign", "{\"assignee\": \"" + SPECIALIST + "\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("INVALID_STATUS_TRANSITION"));
		lookupPage(code, "5511", "10.40.0.1").andExpect(status().isOk())
			.andExpect(content().string(containsString("Chờ tiếp nhận")))
			.andExpect(content().string(containsString("id=\"lookup-check\"")))
			.andExpect(content().string(not(containsString("Hẹn trả kết quả"))));

		// the check is late: overdue in the unit's lists
		this.clock.set(CalendarFixture.at("2025-03-05T10:00"));
		// (searched by its code: the shared database holds other overdue dossiers)
		this.mvc
			.perform(get("/api/v1/dossiers").param("unit", Api.WARD)
				.param("overdue", "true")
				.param("q", code)
				.with(as(LEADER)))
			.andExpect(jsonPath("$.items[?(@.code == '" + code + "')]").exists());
		eventsDelivered();
		assertThat(report().get("received").asLong()).as("not received yet").isEqualTo(receivedBefore);

		Instant accepted = this.clock.instant();
		ProcedureContent birth = this.catalog.get(Api.WARD, "1.001193", LocalDate.of(2025, 3, 5)).content();
		Instant due = this.calendars.forUnit(Api.WARD, LocalDate.of(2025, 3, 5))
			.dueAt(accepted, birth.committedTime(), birth.sameDayCutoff());
		this.api.act(COUNTER, code, "accept", "{\"note\": \"Hồ sơ đầy đủ\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RECEIVED"))
			.andExpect(jsonPath("$.receivedAt").value("2025-03-05T03:00:00Z"))
			.andExpect(jsonPath("$.dueAt").value(due.toString()))
			.andExpect(jsonPath("$.originalDueAt").value(due.toString()))
			.andExpect(jsonPath("$.submittedAt").value("2025-03-03T02:00:00Z"))
			.andExpect(jsonPath("$.steps[0].verdict").value("LATE"));
		assertThat(due).isAfter(accepted);
		this.mvc.perform(get("/api/v1/dossiers/{code}/history", code).with(as(COUNTER)))
			.andExpect(jsonPath("$[*].action").value(org.hamcrest.Matchers.contains("SUBMIT", "ACCEPT")));
		eventsDelivered();
		assertThat(report().get("received").asLong()).isEqualTo(receivedBefore + 1);
		assertThat(this.jdbc.sql("select received_at from report_dossier where code = ?")
			.param(code)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(accepted);
		lookupPage(code, "5511", "10.40.0.1").andExpect(content().string(containsString("Đã tiếp nhận")))
			.andExpect(content().string(containsString("Hẹn trả kết quả")));
		// then it goes on like a dossier received at the counter
		this.api.act(COUNTER, code, "assign", "{\"assignee\": \"" + SPECIALIST + "\"}").andExpect(status().isOk());
	}

	@Test
	void askedForMoreTheApplicantUploadsOnTheLookUpAndTheDossierIsCheckedAgain() throws Exception {
		String code = submitOnline("038190005522", "le.thu.2@example.vn");
		this.api.act(COUNTER, code, "ask-for-more", "{}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		this.api
			.act(COUNTER, code, "ask-for-more",
					"{\"note\": \"Tờ khai chưa có chữ ký: hãy gửi bản chụp tờ khai đã ký\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("AWAITING_ADDITIONS"))
			.andExpect(jsonPath("$.applicantNotice").value("Tờ khai chưa có chữ ký: hãy gửi bản chụp tờ khai đã ký"));
		lookupPage(code, "5522", "10.41.0.1").andExpect(status().isOk())
			.andExpect(content().string(containsString("Chờ bổ sung để tiếp nhận")))
			.andExpect(content().string(containsString("Tờ khai chưa có chữ ký: hãy gửi bản chụp tờ khai đã ký")))
			.andExpect(content().string(containsString("id=\"upload-form\"")))
			.andExpect(content().string(containsString("Tờ khai đăng ký khai sinh")));

		// wrong digits: as if there were no such dossier
		upload(code, "0000", "10.41.0.1", null,
				new MockMultipartFile("file-0", "to-khai.png", "image/png", Files.png()))
			.andExpect(status().isNotFound());
		// no file: the form again, the error beside the first file field, the note kept
		upload(code, "5522", "10.41.0.1", "Tôi gửi lại tờ khai").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Hãy chọn ít nhất một tệp để gửi.")))
			.andExpect(content().string(containsString("id=\"file-0-error\"")))
			.andExpect(content().string(containsString("href=\"#file-0\"")))
			.andExpect(content().string(containsString("Tôi gửi lại tờ khai</textarea>")));
		// not a picture: refused, nothing kept
		upload(code, "5522", "10.41.0.1", null,
				new MockMultipartFile("file-0", "to-khai.png", "image/png", "MZ not a picture".getBytes()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Tệp không hợp lệ")))
			.andExpect(content().string(containsString("id=\"file-0-error\"")));
		// a note with U+0000: the form again, the note's error beside it
		upload(code, "5522", "10.41.0.1", "Tờ khai\u0000",
				new MockMultipartFile("file-0", "to-khai.png", "image/png", Files.png()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"note-error\"")));
		assertThat(statusOf(code)).isEqualTo("AWAITING_ADDITIONS");
		assertThat(this.jdbc.sql("select count(*) from document_file where dossier_code = ?")
			.param(code)
			.query(Long.class)
			.single()).isZero();

		this.clock.set(CalendarFixture.at("2025-03-04T15:00"));
		upload(code, "5522", "10.41.0.1", "Tờ khai đã ký",
				new MockMultipartFile("file-0", "to-khai-da-ky.png", "image/png", Files.png()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tra-cuu?code=" + code + "&digits=5522&uploaded"));
		assertThat(statusOf(code)).isEqualTo("AWAITING_INTAKE");
		assertThat(this.jdbc.sql("select component from document_file where dossier_code = ?")
			.param(code)
			.query(String.class)
			.list()).containsExactly("Tờ khai đăng ký khai sinh");
		this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(as(COUNTER)))
			// checked again within 8 working hours: Tuesday 15:00-17:00, Wednesday
			// 07:00-11:30 and 13:30-15:00
			.andExpect(jsonPath("$.intakeDueAt").value("2025-03-05T08:00:00Z"));
		this.mvc.perform(get("/api/v1/dossiers/{code}/history", code).with(as(COUNTER)))
			.andExpect(jsonPath("$[-1].action").value("ADDITIONS_RECEIVED"))
			.andExpect(jsonPath("$[-1].actor").value("online:lookup"))
			.andExpect(jsonPath("$[-1].facts.checkDueAt").value("2025-03-05T08:00:00Z"))
			.andExpect(jsonPath("$[-1].facts.handedIn[0]").value("Tờ khai đăng ký khai sinh"))
			.andExpect(jsonPath("$[-1].note").value("Tờ khai đã ký"));
		this.mvc.perform(get("/can-bo/ho-so/{code}", code).with(user(COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(content().string(containsString("Người nộp (trực tuyến)")))
			.andExpect(content().string(containsString("Người nộp gửi: Tờ khai đăng ký khai sinh")))
			.andExpect(content().string(containsString("Hạn kiểm tra, tiếp nhận: 05/03/2025 15:00")));
		lookupPage(code, "5522", "10.41.0.1").andExpect(content().string(containsString("Chờ tiếp nhận")))
			.andExpect(content().string(not(containsString("id=\"upload-form\""))));
		// a second upload is refused: nothing is asked for now
		upload(code, "5522", "10.41.0.1", null,
				new MockMultipartFile("file-0", "to-khai.png", "image/png", Files.png()))
			.andExpect(status().isConflict());

		this.api.act(LEADER, code, "accept", null)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.receivedAt").value("2025-03-04T08:00:00Z"));
	}

	@Test
	void aRefusedSubmissionEndsWithItsReasonsAndIsNeverCounted() throws Exception {
		String code = submitOnline("038190005533", "le.thu.3@example.vn");
		this.api.act(COUNTER, code, "refuse-online", "{\"reason\": \" \"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		// PostgreSQL takes no U+0000, and the reasons' column holds 2,000 characters
		this.api.act(COUNTER, code, "refuse-online", "{\"reason\": \"Không\\u0000 thuộc\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.api.act(COUNTER, code, "refuse-online", "{\"reason\": \"" + "x".repeat(2001) + "\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		this.api.act(COUNTER, code, "refuse-online", "{\"reason\": \"Không thuộc thẩm quyền của phường\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFUSED_AT_INTAKE"));
		this.mvc.perform(get("/api/v1/dossiers/{code}/actions", code).with(as(COUNTER)))
			.andExpect(jsonPath("$").isEmpty());
		lookupPage(code, "5533", "10.42.0.1").andExpect(content().string(containsString("Từ chối tiếp nhận")))
			.andExpect(content().string(containsString("Lý do từ chối tiếp nhận")))
			.andExpect(content().string(containsString("Không thuộc thẩm quyền của phường")));
		eventsDelivered();
		assertThat(this.jdbc.sql("select count(*) from report_dossier where resolved_at is not null and code = ?")
			.param(code)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from report_dossier where code = ?")
			.param(code)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aSupplementIsUploadedOnTheLookUpWhichSaysTheClockIsPausedAndLaterShowsTheApology() throws Exception {
		String code = this.api.receiveBirth();
		this.api.assignToSpecialist(code);
		String dueBefore = this.jdbc.sql("select due_at from dossier where code = ?")
			.param(code)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant()
			.toString();
		this.clock.set(CalendarFixture.at("2025-03-03T10:00"));
		this.api.act(SPECIALIST, code, "request-supplement", "{\"note\": \"Bản sao giấy chứng sinh có chứng thực\"}")
			.andExpect(status().isOk());
		// the birth registration's applicant: phone 0912345678
		lookupPage(code, "5678", "10.43.0.1").andExpect(status().isOk())
			.andExpect(content().string(containsString("Chờ bổ sung")))
			.andExpect(content().string(containsString("Bản sao giấy chứng sinh có chứng thực")))
			.andExpect(content().string(containsString("đang tạm dừng từ 10:00 ngày 03/03/2025")))
			.andExpect(content().string(not(containsString("id=\"lookup-due\""))));

		this.clock.set(CalendarFixture.at("2025-03-05T10:00"));
		upload(code, "5678", "10.43.0.1", null,
				new MockMultipartFile("file-1", "giay-chung-sinh.pdf", "application/pdf", UploadRefusalIT.pdf()))
			.andExpect(status().is3xxRedirection());
		assertThat(statusOf(code)).isEqualTo("IN_PROCESSING");
		JsonNode dossier = Api.json(this.mvc.perform(get("/api/v1/dossiers/{code}", code).with(as(COUNTER))));
		// mode A (the demo ward's): the two working days paused are added to the due time
		assertThat(Instant.parse(dossier.get("dueAt").asString()))
			.isEqualTo(this.calendars.forUnit(Api.WARD).plus(Instant.parse(dueBefore), Duration.ofHours(16)));
		this.mvc.perform(get("/api/v1/dossiers/{code}/history", code).with(as(COUNTER)))
			.andExpect(jsonPath("$[-1].action").value("SUPPLEMENT_RECEIVED"))
			.andExpect(jsonPath("$[-1].actor").value("online:lookup"))
			.andExpect(jsonPath("$[-1].facts.handedIn").isArray())
			.andExpect(jsonPath("$[-1].facts.supplementMode").value("PAUSE_ADDED"));

	}

	@Test
	void aDelayedDossiersLookUpShowsTheApologyAndTheNewDueTime() throws Exception {
		// đăng ký kết hôn: 3 working days, due Thursday 09:00; the apology comes on
		// Monday
		String code = Api
			.json(this.api.intake(COUNTER, """
					{"unit": "H56.15.40", "procedureCode": "1.000894", "channel": "COUNTER",
					 "applicant": {"name": "Phạm Văn Dũng", "phone": "0977000444"},
					 "components": [{"name": "Tờ khai đăng ký kết hôn", "originals": 1},
					   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}]}""")
				.andExpect(status().isCreated()))
			.get("dossier")
			.get("code")
			.asString();
		this.clock.set(CalendarFixture.at("2025-03-03T10:00"));
		this.api
			.act(LEADER, code, "apologize",
					"{\"reason\": \"Cần xác minh thêm tại nơi cư trú\", \"newDueAt\": \"2025-03-28T10:00:00Z\"}")
			.andExpect(status().isOk());
		lookupPage(code, "0444", "10.44.0.1").andExpect(content().string(containsString("id=\"lookup-apology\"")))
			.andExpect(content().string(containsString("Cần xác minh thêm tại nơi cư trú")))
			.andExpect(content().string(containsString("Hẹn trả mới")))
			.andExpect(content().string(containsString("17:00 ngày 28/03/2025")))
			// the due time before the apology
			.andExpect(content().string(containsString("09:00 ngày 06/03/2025")))
			.andExpect(content().string(containsString("17:00 ngày 28/03/2025")));
	}

	@Autowired
	DossierIntake intake;

	private static RequestPostProcessor citizen(String idNumber) {
		return oidcLogin().idToken(t -> t.claim("personal_id", idNumber).claim("name", "Đỗ Văn Hải"))
			.authorities(new SimpleGrantedAuthority("ROLE_CITIZEN"));
	}

	@Test
	void theSignedInApplicantUploadsWhatWasAskedForFromTheirPage() throws Exception {
		DossierIntake.IntakeRequest b = Api.birth();
		String code = this.intake
			.submitOnline("038190005544",
					new DossierIntake.IntakeRequest(b.unitCode(), b.procedureCode(), null,
							new Applicant("Đỗ Văn Hải", null, null, null, null), b.components(), false, null),
					List.of())
			.dossier()
			.code();
		this.api.act(COUNTER, code, "ask-for-more", "{\"note\": \"Giấy chứng sinh bản rõ nét\"}")
			.andExpect(status().isOk());
		this.mvc.perform(get("/cong-dan").with(citizen("038190005544")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Giấy chứng sinh bản rõ nét")))
			.andExpect(content().string(containsString("id=\"upload-" + code + "\"")));
		// another citizen does not find it
		this.mvc
			.perform(multipart("/cong-dan/ho-so/{code}/bo-sung", code)
				.file(new MockMultipartFile("file-1", "chung-sinh.png", "image/png", Files.png()))
				.with(citizen("038190009999"))
				.with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(multipart("/cong-dan/ho-so/{code}/bo-sung", code)
				.file(new MockMultipartFile("file-1", "chung-sinh.pdf", "application/pdf", Files.png()))
				.with(citizen("038190005544"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"file-1-error\"")));
		this.mvc
			.perform(multipart("/cong-dan/ho-so/{code}/bo-sung", code)
				.file(new MockMultipartFile("file-1", "chung-sinh.png", "image/png", Files.png()))
				.with(citizen("038190005544"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/cong-dan"));
		assertThat(statusOf(code)).isEqualTo("AWAITING_INTAKE");
		this.mvc.perform(get("/api/v1/dossiers/{code}/history", code).with(as(COUNTER)))
			.andExpect(jsonPath("$[-1].actor").value("online:038190005544"));
	}

}
