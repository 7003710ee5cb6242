package vn.motcua.it;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.calendar.core.CalendarFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counter (ADR 18) at a fixed time, Tuesday 1 December 2026 at 09:00 in Vietnam: the
 * procedure found by words or code, the due time and fee shown before accepting and kept
 * by the dossier, errors beside their fields with the input kept, and the printed forms
 * 01, 02 and 03 with what the law asks them to say.
 */
@IntegrationTest
@Import(CounterIT.Clock.class)
class CounterIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(CalendarFixture.at("2026-12-01T09:00"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	static final String BIRTH = "1.001193";

	static final String FORM = "Tờ khai đăng ký khai sinh";

	static final String BIRTH_PROOF = "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh";

	static final String ID_PAPER = "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)";

	/** 09:00 + 5 working hours: 2½ hours to 11:30, then 13:30 + 2½ hours. */
	static final String DUE = "16:00 ngày 01/12/2026 (Thứ Ba)";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private static RequestPostProcessor counter() {
		return user(Api.COUNTER).roles("ONE_STOP_OFFICER");
	}

	private static MockMultipartHttpServletRequestBuilder intake() {
		return (MockMultipartHttpServletRequestBuilder) multipart("/can-bo/tiep-nhan").param("procedure", BIRTH)
			.param("channel", "COUNTER")
			.with(counter())
			.with(csrf());
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void typingWordsWithoutAccentsOrTheCodeFindsTheProcedure() throws Exception {
		// as the officer types (htmx asks for the results only)
		this.mvc
			.perform(get("/can-bo/tiep-nhan").param("q", "khai sinh")
				.header("HX-Request", "true")
				.header("HX-Target", "procedure-results")
				.with(counter()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("data-q=\"khai sinh\"")))
			.andExpect(content().string(containsString("Đăng ký lại khai sinh")));
		// the best match first: the name that is the words, before longer ones
		String html = this.mvc
			.perform(get("/can-bo/tiep-nhan").param("q", "khai sinh")
				.header("HX-Request", "true")
				.header("HX-Target", "procedure-results")
				.with(counter()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html.replaceAll("(?s).*?<span class=\"name\">([^<]*)</span>.*", "$1"))
			.as("the first result for 'khai sinh'")
			.isEqualTo("Đăng ký khai sinh");
		this.mvc
			.perform(get("/can-bo/tiep-nhan").param("q", BIRTH)
				.header("HX-Request", "true")
				.header("HX-Target", "procedure-results")
				.with(counter()))
			.andExpect(content().string(containsString("Đăng ký khai sinh</span>")))
			.andExpect(content().string(not(containsString("Đăng ký lại khai sinh"))));
		// without JavaScript: a plain search; one procedure found is the one chosen
		this.mvc.perform(get("/can-bo/tiep-nhan").param("q", BIRTH).with(counter()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"intake-form\"")))
			.andExpect(content().string(containsString(DUE)));
		// a search longer than any name is cut, not sent whole to the database
		this.mvc.perform(get("/can-bo/tiep-nhan").param("q", "khai ".repeat(2000)).with(counter()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/can-bo/tiep-nhan").param("q", "khai sinh").with(counter()))
			.andExpect(
					content().string(containsString("href=\"/can-bo/tiep-nhan?q=khai%20sinh&amp;procedure=1.001193\"")))
			.andExpect(content().string(not(containsString("id=\"intake-form\""))));
	}

	@Test
	void choosingAProcedureShowsItsChecklistTheDueTimeIfAcceptedNowAndTheFee() throws Exception {
		this.mvc
			.perform(get("/can-bo/tiep-nhan").param("procedure", BIRTH)
				.header("HX-Request", "true")
				.header("HX-Target", "intake-panel")
				.with(counter()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("id=\"intake-panel\"")))
			.andExpect(content().string(containsString(DUE)))
			.andExpect(content().string(containsString("Không mất phí")))
			.andExpect(content().string(containsString(BIRTH_PROOF)))
			.andExpect(content().string(containsString("1 bản chính, 0 bản sao")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		// a procedure with a fee: 1.900014 (copies of a birth certificate), 8.000 đ a
		// copy
		this.mvc.perform(get("/can-bo/tiep-nhan").param("procedure", "1.900014").with(counter()))
			.andExpect(content().string(containsString("Phí cấp bản sao (mỗi bản)")))
			.andExpect(content().string(containsString("8.000 đ")));
	}

	@Test
	void theDossierIsDueWhenThePageSaidAndItsReceiptIsForm01() throws Exception {
		String url = this.mvc
			.perform(intake().param("applicantName", "Trần Văn Bình")
				.param("idNumber", "038090004321")
				.param("phone", "0912 345 678")
				.param("address", "Tổ dân phố 3, phường Quảng Cư")
				.param("component", FORM, BIRTH_PROOF, ID_PAPER))
			.andExpect(redirectedUrlPattern("/can-bo/ho-so/*/bien-nhan"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(url).with(counter()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mẫu số 01")))
			.andExpect(content().string(containsString("UBND PHƯỜNG QUẢNG CƯ")))
			.andExpect(content().string(containsString("BỘ PHẬN MỘT CỬA")))
			.andExpect(content().string(containsString("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")))
			.andExpect(content().string(containsString("Độc lập - Tự do - Hạnh phúc")))
			.andExpect(content().string(containsString("Quảng Cư, ngày 01 tháng 12 năm 2026")))
			.andExpect(content().string(containsString("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")))
			.andExpect(content().string(containsString("038090004321")))
			.andExpect(content().string(containsString("0912345678")))
			.andExpect(content().string(containsString("1 bản chính, 0 bản sao")))
			.andExpect(content().string(containsString(DUE)))
			.andExpect(content().string(containsString("5 giờ làm việc")))
			.andExpect(content().string(containsString("Nguyễn Thị Hoa")))
			.andExpect(content().string(containsString("/tra-cuu")));
	}

	@Test
	void aBadIdAndPhoneComeBackInVietnameseBesideTheirFieldsWithEverythingTypedKept() throws Exception {
		long dossiers = count("dossier");
		long slips = count("dossier_intake_slip");
		this.mvc
			.perform(intake().file(new MockMultipartFile("file-0", "to-khai.png", "image/png", Files.png()))
				.param("applicantName", "Lê Thị Cúc")
				.param("idNumber", "0381abc")
				.param("phone", "09xx")
				.param("address", "Thôn Đông, phường Quảng Cư")
				.param("component", BIRTH_PROOF, ID_PAPER))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("href=\"#idNumber\"")))
			.andExpect(content().string(containsString("id=\"idNumber-error\"")))
			.andExpect(content().string(containsString("Số định danh cá nhân gồm đúng 12 chữ số")))
			.andExpect(content().string(containsString("id=\"phone-error\"")))
			.andExpect(content().string(containsString("Số điện thoại gồm 10 chữ số")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("value=\"0381abc\"")))
			.andExpect(content().string(containsString("value=\"09xx\"")))
			.andExpect(content().string(containsString("value=\"Lê Thị Cúc\"")))
			.andExpect(content().string(containsString("value=\"Thôn Đông, phường Quảng Cư\"")))
			.andExpect(content().string(matchesPattern("(?s).*id=\"component-1\"[^>]*checked.*")))
			.andExpect(content().string(containsString("hãy chọn lại các tệp quét")))
			.andExpect(content().string(not(containsString("applicant."))))
			.andExpect(content().string(not(containsString("digits"))));
		assertThat(count("dossier")).isEqualTo(dossiers);
		assertThat(count("dossier_intake_slip")).isEqualTo(slips);
	}

	@Test
	void anIncompleteDossierGivesTheGuidanceSlipForm02() throws Exception {
		String url = this.mvc
			.perform(intake().param("applicantName", "Hoàng Văn Đức")
				.param("idNumber", "038091005555")
				.param("phone", "0987654321")
				.param("component", ID_PAPER))
			.andExpect(redirectedUrlPattern("/can-bo/phieu/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(url).with(counter()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mẫu số 02")))
			.andExpect(content().string(containsString("UBND PHƯỜNG QUẢNG CƯ")))
			.andExpect(content().string(containsString("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")))
			.andExpect(content().string(containsString("Quảng Cư, ngày 01 tháng 12 năm 2026")))
			.andExpect(content().string(containsString("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")))
			.andExpect(content().string(containsString("Hoàng Văn Đức")))
			.andExpect(content().string(containsString("038091005555")))
			.andExpect(content().string(containsString("Đăng ký khai sinh")))
			.andExpect(content().string(containsString("<li>" + FORM + " (1 bản chính, 0 bản sao)</li>")))
			.andExpect(content().string(containsString("<li>" + BIRTH_PROOF + " (1 bản chính, 0 bản sao)</li>")))
			.andExpect(content().string(not(containsString("<li>" + ID_PAPER))))
			.andExpect(content().string(containsString("NGƯỜI HƯỚNG DẪN")))
			.andExpect(content().string(containsString("Nguyễn Thị Hoa")));
		// the officer may check the same person's dossier again, the applicant filled in
		String id = url.substring(url.lastIndexOf('/') + 1);
		this.mvc.perform(get("/can-bo/tiep-nhan").param("procedure", BIRTH).param("slip", id).with(counter()))
			.andExpect(content().string(containsString("value=\"Hoàng Văn Đức\"")))
			.andExpect(content().string(containsString("value=\"0987654321\"")));
		// another ward's officer does not see it
		this.mvc.perform(get(url).with(user(Api.OTHER_WARD_COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Hoàng Văn Đức"))));
	}

	@Test
	void aRefusalGivesTheRefusalSlipForm03WithItsReasons() throws Exception {
		String url = this.mvc
			.perform(intake().param("applicantName", "Vũ Thị Én")
				.param("component", FORM, BIRTH_PROOF, ID_PAPER)
				.param("refuse", "true")
				.param("refusalReason", "Trẻ sinh ra và cư trú ngoài địa bàn phường.\nĐề nghị nộp tại nơi cư trú."))
			.andExpect(redirectedUrlPattern("/can-bo/phieu/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(url).with(counter()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mẫu số 03")))
			.andExpect(content().string(containsString("UBND PHƯỜNG QUẢNG CƯ")))
			.andExpect(content().string(containsString("Độc lập - Tự do - Hạnh phúc")))
			.andExpect(content().string(containsString("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ")))
			.andExpect(content().string(containsString("Vũ Thị Én")))
			.andExpect(content().string(containsString("Đăng ký khai sinh")))
			.andExpect(content().string(containsString("Trẻ sinh ra và cư trú ngoài địa bàn phường.")))
			.andExpect(content().string(containsString("Đề nghị nộp tại nơi cư trú.")))
			.andExpect(content().string(containsString("NGƯỜI TIẾP NHẬN HỒ SƠ")))
			.andExpect(content().string(containsString("Nguyễn Thị Hoa")));
		// in English on request
		this.mvc.perform(get(url).param("lang", "en").with(counter()))
			.andExpect(content().string(containsString("Form 03")))
			.andExpect(content().string(containsString("SOCIALIST REPUBLIC OF VIETNAM")));
	}

	@Test
	void aRefusalWithoutAReasonAsksForItBesideTheField() throws Exception {
		this.mvc
			.perform(intake().param("applicantName", "Vũ Thị Én")
				.param("idNumber", "038090004321")
				.param("refuse", "true")
				.param("refusalReason", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"refusalReason-error\"")))
			.andExpect(content().string(containsString("Hãy ghi lý do từ chối")))
			.andExpect(content().string(matchesPattern("(?s).*<details class=\"refusal\" open.*")))
			.andExpect(content().string(containsString("value=\"038090004321\"")))
			.andExpect(content().string(not(containsString("hãy chọn lại các tệp quét"))));
	}

	@Test
	void aKnownApplicantIsOfferedToFillOnlyTheEmptyFields() throws Exception {
		this.mvc
			.perform(intake().param("applicantName", "Đinh Văn Giáp")
				.param("idNumber", "038188006666")
				.param("phone", "0911222444")
				.param("component", FORM, BIRTH_PROOF, ID_PAPER))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(get("/can-bo/tiep-nhan/nguoi-nop").param("idNumber", "038188006666")
				.header("HX-Request", "true")
				.with(counter()))
			.andExpect(content().string(containsString("data-fill-for=\"applicantName\" value=\"Đinh Văn Giáp\"")))
			.andExpect(content().string(containsString("data-fill-for=\"phone\" value=\"0911222444\"")))
			.andExpect(content().string(not(containsString("<html"))));
	}

}
