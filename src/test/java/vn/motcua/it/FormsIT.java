package vn.motcua.it;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.forms.FormKind;
import vn.motcua.forms.IssuedDocument;
import vn.motcua.forms.IssuedDocuments;
import vn.motcua.signing.SignatureReport;
import vn.motcua.signing.SignatureValidation;
import vn.motcua.forms.PdfText;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.COUNTER;
import static vn.motcua.it.Api.LEADER;
import static vn.motcua.it.Api.OTHER_WARD_COUNTER;
import static vn.motcua.it.Api.SPECIALIST;
import static vn.motcua.it.Api.WARD;
import static vn.motcua.it.Api.as;

/**
 * The standard forms as PDF (ADR 33), issued at their events and kept with the dossier:
 * the receipt at intake, 02 and 03 of the counter's slips, 02 at a supplement request, 04
 * at an apology, 05 and 06 at a stop, 06 when a dossier ends; the form set chosen by the
 * receipt day (30 June 2025 under Circular 01/2018, 1 July 2025 under 03/2025); the
 * result's draft uploaded by the officer in charge and given to the applicant once
 * recorded; every download checked against who may see the dossier; an event delivered
 * twice keeps one document. The PDFs are read back with pdftotext.
 */
@IntegrationTest
@Import(FormsIT.Clock.class)
@TestPropertySource(properties = "motcua.test.database=forms")
class FormsIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(CalendarFixture.at("2026-12-01T09:00"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	static final String ID = "038190000123";

	static final Applicant TUYET = new Applicant("Lê Thị Ánh Tuyết", ID, "0912345678", null,
			"Số 12, đường Hồ Xuân Hương");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IssuedDocuments issued;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	@Autowired
	MutableClock clock;

	@Autowired
	SignatureValidation validation;

	@Autowired
	org.springframework.modulith.events.IncompleteEventPublications incomplete;

	@BeforeAll
	static void poppler() {
		PdfText.assumeInstalled();
	}

	private DossierMaker maker() {
		return new DossierMaker(this.intake, this.actions, this.officers);
	}

	private static RequestPostProcessor officer(String username) {
		return user(username).roles("ONE_STOP_OFFICER");
	}

	private static RequestPostProcessor citizen(String idNumber) {
		return oidcLogin().idToken(t -> t.claim("personal_id", idNumber).claim("name", "Lê Thị Ánh Tuyết"))
			.authorities(new SimpleGrantedAuthority("ROLE_CITIZEN"));
	}

	private IssuedDocument awaitDocument(String code, FormKind kind) throws InterruptedException {
		awaitTrue(() -> this.jdbc.sql("select count(*) from issued_document where dossier_code = ? and kind = ?")
			.params(code, kind.name())
			.query(Long.class)
			.single() > 0);
		return this.issued.ofDossier(actor(COUNTER), code)
			.stream()
			.filter(d -> d.kind() == kind)
			.findFirst()
			.orElseThrow();
	}

	private Actor actor(String username) {
		return Actor.of(this.officers.find(username).orElseThrow());
	}

	/** The PDF the officer downloads from the workspace, read back. */
	private String pdfText(String code, long id) throws Exception {
		byte[] pdf = this.mvc.perform(get("/can-bo/ho-so/{code}/giay-to/{id}", code, id).with(officer(COUNTER)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return PdfText.of(pdf);
	}

	@Test
	void theReceiptIsIssuedAtIntakeAndPrintsItsVietnameseTextAndTheLookUp() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T09:00"));
		String code = maker().birth(COUNTER, WARD, TUYET);
		IssuedDocument receipt = awaitDocument(code, FormKind.RECEIPT);
		assertThat(receipt.formSet()).isEqualTo("03/2025/TT-VPCP");
		assertThat(receipt.formNumber()).isEqualTo("01");
		assertThat(receipt.forCitizen()).isTrue();
		String text = pdfText(code, receipt.id());
		assertThat(text).contains("Mẫu số 01", "UBND PHƯỜNG QUẢNG CƯ", "BỘ PHẬN MỘT CỬA",
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Quảng Cư, ngày 01 tháng 12 năm 2026", "Lê Thị Ánh Tuyết",
				ID, code, "Đăng ký khai sinh", "Tờ khai đăng ký khai sinh", "09 giờ 00 phút, ngày 01/12/2026",
				"16 giờ 00 phút, ngày 01/12/2026", "http://localhost:8080/tra-cuu?code=" + code);
		// the counter's print link gives the same document
		this.mvc.perform(get("/can-bo/ho-so/{code}/bien-nhan.pdf", code).with(officer(COUNTER)))
			.andExpect(status().isOk())
			.andExpect(header().longValue("Content-Length", receipt.sizeBytes()));
		// the API lists and gives it
		this.mvc.perform(get("/api/v1/dossiers/{code}/documents", code).with(as(SPECIALIST)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("RECEIPT"))
			.andExpect(jsonPath("$[0].title").value("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"));
		this.mvc.perform(get("/api/v1/dossiers/{code}/documents/{id}", code, receipt.id()).with(as(LEADER)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
	}

	@Test
	void anEventDeliveredTwiceKeepsOneDocument() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T09:30"));
		String code = maker().birth(COUNTER, WARD, TUYET);
		IssuedDocument first = awaitDocument(code, FormKind.RECEIPT);
		// the listener again, as the registry delivers an event again
		assertThat(this.issued.issueReceipt(code)).contains(first);
		assertThat(this.issued.issueControlSlip(code, this.clock.instant())).isPresent();
		assertThat(this.issued.issueControlSlip(code, this.clock.instant().plusSeconds(60)).orElseThrow().id())
			.isEqualTo(this.issued.issueControlSlip(code, this.clock.instant()).orElseThrow().id());
		assertThat(this.jdbc.sql("select count(*) from issued_document where dossier_code = ?")
			.param(code)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aFailedDeliveryIsDeliveredAgainAndStillKeepsOneDocument() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T09:45"));
		String code;
		// the table is away: the listener of DossierReceived fails, its publication stays
		this.jdbc.sql("alter table issued_document rename to issued_document_away").update();
		try {
			code = maker().birth(COUNTER, WARD, TUYET);
			String received = code;
			awaitTrue(() -> this.jdbc
				.sql("select count(*) from event_publication where serialized_event like ? and status = 'FAILED'")
				.param("%" + received + "%")
				.query(Long.class)
				.single() >= 1);
		}
		finally {
			this.jdbc.sql("alter table issued_document_away rename to issued_document").update();
		}
		this.incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(code));
		IssuedDocument receipt = awaitDocument(code, FormKind.RECEIPT);
		// and twice at once, as two instances might
		Thread other = new Thread(() -> this.issued.issueControlSlip(code, this.clock.instant()));
		other.start();
		this.issued.issueControlSlip(code, this.clock.instant());
		other.join();
		this.incomplete.resubmitIncompletePublications(p -> p.getEvent().toString().contains(code));
		assertThat(this.issued.ofDossier(actor(COUNTER), code)).extracting(IssuedDocument::kind)
			.containsExactly(FormKind.RECEIPT, FormKind.CONTROL_SLIP);
		assertThat(this.issued.ofDossier(actor(COUNTER), code).get(0)).isEqualTo(receipt);
	}

	@Test
	void downloadsAreRefusedToOfficersOfAnotherUnitAndToOtherCitizens() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T10:00"));
		String code = maker().birth(COUNTER, WARD, TUYET);
		IssuedDocument receipt = awaitDocument(code, FormKind.RECEIPT);
		this.mvc.perform(get("/can-bo/ho-so/{code}/giay-to/{id}", code, receipt.id()).with(officer(OTHER_WARD_COUNTER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/can-bo/ho-so/{code}/bien-nhan.pdf", code).with(officer(OTHER_WARD_COUNTER)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/dossiers/{code}/documents", code).with(as(OTHER_WARD_COUNTER)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("DOSSIER_NOT_FOUND"));
		this.mvc.perform(get("/api/v1/dossiers/{code}/documents/{id}", code, receipt.id()).with(as(OTHER_WARD_COUNTER)))
			.andExpect(status().isNotFound());
		// the applicant downloads it from "my dossiers"; another citizen may not
		this.mvc.perform(get("/cong-dan").with(citizen(ID)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("/cong-dan/ho-so/" + code + "/giay-to/" + receipt.id())));
		byte[] pdf = this.mvc.perform(get("/cong-dan/ho-so/{code}/giay-to/{id}", code, receipt.id()).with(citizen(ID)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(PdfText.of(pdf)).contains("Lê Thị Ánh Tuyết", code);
		this.mvc.perform(get("/cong-dan/ho-so/{code}/giay-to/{id}", code, receipt.id()).with(citizen("038190009999")))
			.andExpect(status().isNotFound());
	}

	@Test
	void theCountersSlipsAreForms02And03() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T10:30"));
		DossierIntake.IntakeResult guidance = this.intake.intake(actor(COUNTER), new DossierIntake.IntakeRequest(WARD,
				"1.001193", Channel.COUNTER, TUYET, DossierMaker.BIRTH.subList(0, 1), false, null), List.of());
		DossierIntake.IntakeResult refusal = this.intake.intake(
				actor(COUNTER), new DossierIntake.IntakeRequest(WARD, "1.001193", Channel.COUNTER, TUYET,
						DossierMaker.BIRTH, true, "Người nộp không thuộc thẩm quyền giải quyết của phường."),
				List.of());
		awaitTrue(() -> this.jdbc.sql("select count(*) from issued_document where slip_id in (?, ?)")
			.params(guidance.slipId(), refusal.slipId())
			.query(Long.class)
			.single() == 2);
		String two = PdfText
			.of(this.mvc.perform(get("/can-bo/phieu/{id}/pdf", guidance.slipId()).with(officer(COUNTER)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
		assertThat(two).contains("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Lê Thị Ánh Tuyết",
				"Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh");
		String three = PdfText
			.of(this.mvc.perform(get("/can-bo/phieu/{id}/pdf", refusal.slipId()).with(officer(COUNTER)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
		assertThat(three).contains("Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
				"Người nộp không thuộc thẩm quyền giải quyết của phường.");
		this.mvc.perform(get("/can-bo/phieu/{id}/pdf", refusal.slipId()).with(officer(OTHER_WARD_COUNTER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aSupplementRequestAnApologyAndAStopIssueForms02To06() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T11:00"));
		String supplemented = maker().birth(COUNTER, WARD, TUYET);
		maker().act(COUNTER, supplemented, DossierAction.ASSIGN, SPECIALIST);
		this.actions.act(actor(SPECIALIST), supplemented, DossierAction.REQUEST_SUPPLEMENT,
				new DossierActions.ActionRequest(null, "Bản sao giấy chứng sinh có chứng thực", null, null, null, null,
						null));
		String two = pdfText(supplemented, awaitDocument(supplemented, FormKind.SUPPLEMENT_REQUEST).id());
		assertThat(two).contains("Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
				"1. Bản sao giấy chứng sinh có chứng thực", supplemented);

		String late = maker().marriage(COUNTER, WARD, TUYET);
		maker().act(COUNTER, late, DossierAction.ASSIGN, SPECIALIST);
		this.actions.act(actor(SPECIALIST), late, DossierAction.APOLOGIZE,
				new DossierActions.ActionRequest(null, null, "Cần xác minh thông tin hộ tịch tại địa phương khác.",
						CalendarFixture.at("2026-12-10T16:30"), null, null, null));
		String four = pdfText(late, awaitDocument(late, FormKind.APOLOGY).id());
		assertThat(four).contains("Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
				"Cần xác minh thông tin hộ tịch tại địa phương khác.", "16 giờ 30 phút, ngày 10/12/2026");

		this.actions.act(actor(COUNTER), late, DossierAction.STOP,
				new DossierActions.ActionRequest(null, "Người nộp đề nghị dừng.", null, null, null, null, null));
		String five = pdfText(late, awaitDocument(late, FormKind.STOP_NOTICE).id());
		assertThat(five).contains("Mẫu số 05", "PHIẾU DỪNG GIẢI QUYẾT HỒ SƠ", "Theo đề nghị của người nộp hồ sơ");
		String six = PdfText.flat(pdfText(late, awaitDocument(late, FormKind.CONTROL_SLIP).id()));
		assertThat(six).contains("Mẫu số 06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Tiếp nhận",
				"Dừng giải quyết", "Trước hạn");
		// the control slip as it stands, on demand, for a dossier not ended
		String now = PdfText
			.of(this.mvc.perform(get("/can-bo/ho-so/{code}/phieu-kiem-soat", supplemented).with(officer(SPECIALIST)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray());
		assertThat(PdfText.flat(now)).contains("Mẫu số 06", "Đang xử lý");
	}

	@Test
	void theFormSetIsChosenByTheReceiptDayInVietnam() throws Exception {
		// Monday 30 June 2025, 16:00 in Vietnam: Circular 01/2018
		this.clock.set(CalendarFixture.at("2025-06-30T16:00"));
		String june = maker().birth(COUNTER, WARD, TUYET);
		// Tuesday 1 July 2025, 07:30 in Vietnam (still 30 June in UTC): Circular 03/2025
		this.clock.set(CalendarFixture.at("2025-07-01T07:30"));
		String july = maker().birth(COUNTER, WARD, TUYET);
		assertThat(awaitDocument(june, FormKind.RECEIPT).formSet()).isEqualTo("01/2018/TT-VPCP");
		assertThat(awaitDocument(july, FormKind.RECEIPT).formSet()).isEqualTo("03/2025/TT-VPCP");
		// the control slip was Form 05 before, Form 06 after; and no stop notice before
		this.clock.set(CalendarFixture.at("2025-07-01T08:00"));
		for (String code : List.of(june, july)) {
			this.actions.act(actor(COUNTER), code, DossierAction.STOP,
					new DossierActions.ActionRequest(null, "Người nộp đề nghị dừng.", null, null, null, null, null));
		}
		assertThat(pdfText(june, awaitDocument(june, FormKind.CONTROL_SLIP).id())).contains("Mẫu số 05",
				"PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "ngày 01 tháng 07 năm 2025");
		assertThat(pdfText(july, awaitDocument(july, FormKind.CONTROL_SLIP).id())).contains("Mẫu số 06");
		awaitDocument(july, FormKind.STOP_NOTICE);
		assertThat(this.issued.ofDossier(actor(COUNTER), june)).extracting(IssuedDocument::kind)
			.containsExactly(FormKind.RECEIPT, FormKind.CONTROL_SLIP);
		// the register of June 2025 is of the old set (Form 06), of July of the new (07)
		String juneRegister = PdfText.flat(
				PdfText.of(this.mvc
					.perform(get("/api/v1/units/{unit}/register", WARD).param("from", "2025-06-01")
						.param("to", "2025-06-30")
						.with(as(COUNTER)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsByteArray()));
		assertThat(juneRegister).contains("Mẫu số 06", "SỔ THEO DÕI HỒ SƠ", june, "Lê Thị Ánh Tuyết")
			.doesNotContain(july);
		String julyRegister = PdfText
			.flat(PdfText.of(this.mvc
				.perform(get("/can-bo/so-theo-doi.pdf").param("from", "2025-07-01")
					.param("to", "2025-07-31")
					.with(officer(COUNTER)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray()));
		assertThat(julyRegister).contains("Mẫu số 07", july).doesNotContain(june);
		// a period that ends before it starts comes back beside its field
		this.mvc
			.perform(get("/can-bo/so-theo-doi.pdf").param("from", "2025-07-31")
				.param("to", "2025-07-01")
				.with(officer(COUNTER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"to-error\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2025-07-31\"")));
		this.mvc
			.perform(get("/api/v1/units/{unit}/register", WARD).param("from", "2025-06-01")
				.param("to", "2025-06-30")
				.with(as(OTHER_WARD_COUNTER)))
			.andExpect(status().isForbidden());
		// bad periods are problems
		this.mvc
			.perform(get("/api/v1/units/{unit}/register", WARD).param("from", "1 tháng 6")
				.param("to", "2025-06-30")
				.with(as(COUNTER)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));
		this.mvc
			.perform(get("/api/v1/units/{unit}/register", WARD).param("from", "2024-01-01")
				.param("to", "2025-06-30")
				.with(as(COUNTER)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PERIOD_INVALID"));
	}

	@Test
	void theOfficerInChargeUploadsTheResultAndTheApplicantGetsItOnceRecorded() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T13:30"));
		String code = maker().birth(COUNTER, WARD, TUYET);
		maker().act(COUNTER, code, DossierAction.ASSIGN, SPECIALIST);
		// any PDF will do as the draft: here one of the forms
		byte[] draft = vn.motcua.forms.FormPdfs.refusal(
				vn.motcua.forms.FormSets.bundled()
					.on(java.time.LocalDate.of(2026, 12, 1))
					.form(FormKind.REFUSAL)
					.orElseThrow(),
				new vn.motcua.forms.FormPdfs.Issuer("Phường Quảng Cư", null),
				new vn.motcua.forms.FormPdfs.Subject("Lê Thị Ánh Tuyết", ID, null, null, "Đăng ký khai sinh", code),
				"Dự thảo", "KQ", this.clock.instant(), null);
		MockMultipartFile file = new MockMultipartFile("file", "ket-qua.pdf", "application/pdf", draft);
		// the counter officer is not in charge of processing it
		this.mvc.perform(
				multipart("/can-bo/ho-so/{code}/du-thao-ket-qua", code).file(file).with(officer(COUNTER)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.issued.ofDossier(actor(COUNTER), code)).extracting(IssuedDocument::kind)
			.doesNotContain(FormKind.RESULT);
		// a file that is not a PDF is refused, and nothing is kept
		this.mvc
			.perform(multipart("/can-bo/ho-so/{code}/du-thao-ket-qua", code)
				.file(new MockMultipartFile("file", "ket-qua.pdf", "application/pdf", "MZ not a pdf".getBytes()))
				.with(officer(SPECIALIST))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.issued.ofDossier(actor(COUNTER), code)).extracting(IssuedDocument::kind)
			.doesNotContain(FormKind.RESULT);
		// an image is a good scan but not a result's draft; no file chosen is said so
		this.mvc
			.perform(multipart("/can-bo/ho-so/{code}/du-thao-ket-qua", code)
				.file(new MockMultipartFile("file", "ket-qua.png", "image/png", Files.png()))
				.with(officer(SPECIALIST))
				.with(csrf()))
			.andExpect(flash().attribute("resultError", "Dự thảo kết quả phải là tệp PDF."));
		this.mvc
			.perform(multipart("/can-bo/ho-so/{code}/du-thao-ket-qua", code)
				.file(new MockMultipartFile("file", "", "application/octet-stream", new byte[0]))
				.with(officer(SPECIALIST))
				.with(csrf()))
			.andExpect(flash().attribute("resultError", org.hamcrest.Matchers.startsWith("Hãy chọn")));
		assertThat(this.issued.ofDossier(actor(COUNTER), code)).extracting(IssuedDocument::kind)
			.doesNotContain(FormKind.RESULT);
		this.mvc
			.perform(multipart("/can-bo/ho-so/{code}/du-thao-ket-qua", code).file(file)
				.with(officer(SPECIALIST))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		IssuedDocument result = this.issued.ofDossier(actor(COUNTER), code)
			.stream()
			.filter(d -> d.kind() == FormKind.RESULT)
			.findFirst()
			.orElseThrow();
		assertThat(result.forCitizen()).isFalse();
		assertThat(result.issuedBy()).isEqualTo(SPECIALIST);
		// the workspace lists it, to show and to download
		this.mvc.perform(get("/can-bo/ho-so/{code}", code).with(officer(SPECIALIST)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"issued-documents\"")))
			.andExpect(content().string(org.hamcrest.Matchers
				.containsString("/can-bo/ho-so/" + code + "/giay-to/" + result.id() + "/tai-ve")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"result-form\"")));
		this.mvc.perform(get("/cong-dan/ho-so/{code}/giay-to/{id}", code, result.id()).with(citizen(ID)))
			.andExpect(status().isNotFound());

		maker().act(SPECIALIST, code, DossierAction.FORWARD, LEADER);
		// the leader approves and signs in one action: the draft, signed with the
		// leader's key, becomes the result
		this.mvc
			.perform(post("/can-bo/ho-so/{code}/approve", code).param("signResult", "true")
				.with(user(LEADER).roles("LEADER"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		IssuedDocument signed = this.issued.ofDossier(actor(COUNTER), code)
			.stream()
			.filter(d -> d.kind() == FormKind.RESULT)
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(signed.id()).isNotEqualTo(result.id());
		assertThat(signed.signedBy()).isEqualTo("officer:" + LEADER);
		this.actions.act(actor(LEADER), code, DossierAction.RECORD_RESULT,
				new DossierActions.ActionRequest(null, null, null, null, "KQ 1", null, null));
		awaitTrue(() -> this.issued.ofDossier(actor(COUNTER), code)
			.stream()
			.anyMatch(d -> d.id() == signed.id() && d.forCitizen()));
		byte[] given = this.mvc.perform(get("/cong-dan/ho-so/{code}/giay-to/{id}", code, signed.id()).with(citizen(ID)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		SignatureReport report = this.validation.validate(new java.io.ByteArrayInputStream(given));
		assertThat(report.signatures()).singleElement().satisfies(check -> {
			assertThat(check.verdict()).isEqualTo(SignatureReport.Verdict.VALID);
			assertThat(check.signedBy()).contains("DEMO");
		});
		if (java.nio.file.Files.isExecutable(SigningIT.PDFSIG)) {
			assertThat(SigningIT.pdfsig(given)).contains("Signature is Valid");
			assertThat(SigningIT.pdfsig(SigningIT.tampered(given))).doesNotContain("Signature is Valid");
		}
		// the draft itself was never given to the applicant
		this.mvc.perform(get("/cong-dan/ho-so/{code}/giay-to/{id}", code, result.id()).with(citizen(ID)))
			.andExpect(status().isNotFound());
	}

	@Test
	void approvingWithASignatureAndNoDraftIsRefusedBesideTheCheckboxAndChangesNothing() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T14:00"));
		String code = maker().birth(COUNTER, WARD, TUYET);
		maker().act(COUNTER, code, DossierAction.ASSIGN, SPECIALIST);
		maker().act(SPECIALIST, code, DossierAction.FORWARD, LEADER);
		this.mvc
			.perform(post("/api/v1/dossiers/{code}/actions/approve", code)
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"signResult\": true}")
				.with(user(LEADER).roles("LEADER"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("RESULT_DRAFT_MISSING"))
			.andExpect(jsonPath("$.errors[0].field").value("signResult"));
		assertThat(this.jdbc.sql("select status from dossier where code = ?").param(code).query(String.class).single())
			.isNotEqualTo("APPROVED");
	}

	@Test
	void theFormsAreSealedWithTheUnitsKey() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T15:00"));
		String code = maker().birth(COUNTER, WARD, TUYET);
		IssuedDocument receipt = awaitDocument(code, FormKind.RECEIPT);
		assertThat(receipt.signedBy()).isEqualTo("unit:" + WARD);
		byte[] pdf = this.mvc
			.perform(get("/can-bo/ho-so/{code}/giay-to/{id}", code, receipt.id()).with(officer(COUNTER)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(this.validation.validate(new java.io.ByteArrayInputStream(pdf)).signatures()).singleElement()
			.satisfies(check -> assertThat(check.verdict()).isEqualTo(SignatureReport.Verdict.VALID));
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
