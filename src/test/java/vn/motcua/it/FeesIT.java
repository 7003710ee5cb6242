package vn.motcua.it;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.catalog.core.FeeStage;
import vn.motcua.dossier.DossierFees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Fees at intake and the dossier's wait for them (ADR 35), from Tuesday 1 December 2026
 * at 09:00 in Vietnam: a counter intake of a fee procedure waits for its payment, the
 * payment resumes it with the due time moved by the working time it waited, a repeated
 * payment changes nothing; a fee due at the result keeps the result until paid; wrong
 * inputs are answered with a problem and nothing is kept.
 */
@IntegrationTest
@Import(FeesIT.Clock.class)
@TestPropertySource(properties = "motcua.test.database=fees")
class FeesIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(CalendarFixture.at("2026-12-01T09:00"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	/** Copies of a civil-status extract: 8,000 đ a copy, paid at intake. */
	static final String EXTRACT_COPIES = "2.000635";

	/** A building permit: 75,000 đ, paid when the permit is collected. */
	static final String BUILDING_PERMIT = "1.900027";

	static final String PERMIT = """
			{"unit": "H56.15.40", "procedureCode": "1.900027", "channel": "COUNTER",
			 "applicant": {"name": "Phạm Văn Cường", "idNumber": "038090007777", "phone": "0912000777"},
			 "components": [
			   {"name": "Đơn đề nghị theo mẫu", "originals": 1},
			   {"name": "Giấy tờ chứng minh thuộc đối tượng, điều kiện", "copies": 1},
			   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DossierFees fees;

	private static RequestPostProcessor counter() {
		return user(Api.COUNTER).roles("ONE_STOP_OFFICER");
	}

	private String extractCopies(String copies) throws Exception {
		return this.mvc
			.perform(multipart("/can-bo/tiep-nhan").param("procedure", EXTRACT_COPIES)
				.param("channel", "COUNTER")
				.param("applicantName", "Lê Thị Hoa")
				.param("idNumber", "038190004444")
				.param("phone", "0912444444")
				.param("copies", copies)
				.param("component", "Tờ khai theo mẫu", "Giấy tờ làm căn cứ cho việc đăng ký",
						"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)")
				.with(counter())
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private String statusOf(String code) {
		return this.jdbc.sql("select status from dossier where code = ?").param(code).query(String.class).single();
	}

	private Instant due(String code) {
		return this.jdbc.sql("select due_at from dossier where code = ?")
			.param(code)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.single();
	}

	private int version(String code) {
		return this.jdbc.sql("select version from dossier where code = ?").param(code).query(Integer.class).single();
	}

	private long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	private static String code(String receiptUrl) {
		return receiptUrl.replaceAll(".*/ho-so/([^/]+)/bien-nhan", "$1");
	}

	@Test
	void aCounterIntakeOfAFeeProcedureWaitsForItsPaymentAndThePaymentMovesTheDueTimeByTheWait() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T09:00"));
		// the form asks for the copies, since the fee is per copy
		this.mvc.perform(get("/can-bo/tiep-nhan").param("procedure", EXTRACT_COPIES).with(counter()))
			.andExpect(content().string(containsString("id=\"copies\"")))
			.andExpect(content().string(containsString("mỗi bản")));
		String receipt = extractCopies("3");
		assertThat(receipt).matches("/can-bo/ho-so/.+/bien-nhan");
		String code = code(receipt);
		assertThat(statusOf(code)).isEqualTo("AWAITING_PAYMENT");
		// 09:00 + 5 working hours
		assertThat(due(code)).isEqualTo(CalendarFixture.at("2026-12-01T16:00"));
		assertThat(count("select fee_amount from dossier where code = ?", code)).isEqualTo(24_000);
		// Form 01 says the fee, its lines and that it is not paid
		this.mvc.perform(get(receipt).with(counter()))
			.andExpect(content().string(containsString("24.000 đ")))
			.andExpect(content().string(containsString("3 bản × 8.000 đ = 24.000 đ")))
			.andExpect(content().string(containsString("chưa nộp")));
		assertThat(this.fees.due(code)).hasValueSatisfying(d -> {
			assertThat(d.amount()).isEqualTo(24_000);
			assertThat(d.stage()).isEqualTo(FeeStage.INTAKE);
			assertThat(d.paid()).isFalse();
			assertThat(d.applicantIdNumber()).isEqualTo("038190004444");
		});
		// paid a working day later (8 working hours): the due time moves by as much
		this.clock.set(CalendarFixture.at("2026-12-02T09:00"));
		this.fees.paid(code, "MC-20261202-0001", "ONLINE", this.clock.instant());
		assertThat(statusOf(code)).isEqualTo("RECEIVED");
		assertThat(due(code)).isEqualTo(CalendarFixture.at("2026-12-02T16:00"));
		assertThat(this.fees.due(code)).hasValueSatisfying(d -> assertThat(d.paid()).isTrue());
		int version = version(code);
		long history = count(
				"select count(*) from dossier_history h join dossier d on d.id = h.dossier_id" + " where d.code = ?",
				code);
		// a repeated confirmation changes nothing
		this.clock.advance(Duration.ofHours(1));
		this.fees.paid(code, "MC-20261202-0001", "ONLINE", this.clock.instant());
		assertThat(version(code)).isEqualTo(version);
		assertThat(count(
				"select count(*) from dossier_history h join dossier d on d.id = h.dossier_id" + " where d.code = ?",
				code))
			.isEqualTo(history);
		assertThat(due(code)).isEqualTo(CalendarFixture.at("2026-12-02T16:00"));
		// the history says who confirmed it and how long the dossier waited
		this.mvc.perform(get("/can-bo/ho-so/{code}", code).with(counter()))
			.andExpect(content().string(containsString("Hệ thống (thanh toán)")))
			.andExpect(content().string(containsString("Tạm dừng chờ nộp phí")));
	}

	@Test
	void aFeeDueAtTheResultKeepsTheResultUntilPaid() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T09:00"));
		Api api = new Api(this.mvc);
		String code = Api.json(api.intake(Api.COUNTER, PERMIT).andExpect(status().isCreated()))
			.get("dossier")
			.get("code")
			.asString();
		// processed at once: the fee waits for the result
		assertThat(statusOf(code)).isEqualTo("RECEIVED");
		api.act(Api.COUNTER, code, "assign", "{\"assignee\": \"" + Api.SPECIALIST + "\"}").andExpect(status().isOk());
		api.act(Api.SPECIALIST, code, "forward", "{\"assignee\": \"" + Api.LEADER + "\"}").andExpect(status().isOk());
		api.act(Api.LEADER, code, "approve", null).andExpect(status().isOk());
		api.act(Api.LEADER, code, "record-result", "{\"resultRef\": \"Giấy phép xây dựng số 12/GPXD\"}")
			.andExpect(status().isOk());
		api.act(Api.COUNTER, code, "return-result", "{\"channel\": \"COUNTER\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("FEE_UNPAID"));
		assertThat(statusOf(code)).isEqualTo("RESULT_READY");
		// no officer confirms a payment on the dossier
		api.act(Api.COUNTER, code, "payment-confirmed", null).andExpect(status().isForbidden());
		this.fees.paid(code, "MC-20261201-0002", "CASH", this.clock.instant(), "quangcu.ketoan");
		assertThat(statusOf(code)).isEqualTo("RESULT_READY");
		api.act(Api.COUNTER, code, "return-result", "{\"channel\": \"COUNTER\"}").andExpect(status().isOk());
		assertThat(statusOf(code)).isEqualTo("RETURNED");
	}

	@Test
	void wrongFeeInputsAreAProblemBesideTheirFieldsAndNothingIsKept() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T09:00"));
		long dossiers = count("select count(*) from dossier");
		long slips = count("select count(*) from dossier_intake_slip");
		Api api = new Api(this.mvc);
		String body = """
				{"unit": "H56.15.40", "procedureCode": "1.004859", "channel": "COUNTER",
				 "applicant": {"name": "Trần Văn Bình", "idNumber": "038090005555"},
				 "components": [
				   {"name": "Tờ khai theo mẫu", "originals": 1},
				   {"name": "Giấy tờ làm căn cứ cho việc đăng ký", "copies": 1},
				   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}],
				 "fee": {"applicantGroup": "Sinh viên"}}""";
		api.intake(Api.COUNTER, body)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("FEE_INPUT_INVALID"))
			.andExpect(jsonPath("$.errors[*].field", hasItems("fee.applicantGroup")));
		api.intake(Api.COUNTER, PERMIT.replace("\"components\"", "\"fee\": {\"copies\": 0}, \"components\""))
			.andExpect(status().isCreated());
		dossiers++;
		api.intake(Api.COUNTER,
				PERMIT.replace("1.900027", EXTRACT_COPIES)
					.replace("\"components\"", "\"fee\": {\"copies\": 0}, \"components\"")
					.replace("Đơn đề nghị theo mẫu", "Tờ khai theo mẫu")
					.replace("Giấy tờ chứng minh thuộc đối tượng, điều kiện", "Giấy tờ làm căn cứ cho việc đăng ký"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("FEE_INPUT_INVALID"))
			.andExpect(jsonPath("$.errors[*].field", hasItems("fee.copies")));
		// at the counter: the error in Vietnamese beside the field, the input as typed
		this.mvc
			.perform(multipart("/can-bo/tiep-nhan").param("procedure", EXTRACT_COPIES)
				.param("channel", "COUNTER")
				.param("applicantName", "Lê Thị Hoa")
				.param("copies", "ba")
				.param("component", "Tờ khai theo mẫu", "Giấy tờ làm căn cứ cho việc đăng ký",
						"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)")
				.with(counter())
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"copies-error\"")))
			.andExpect(content().string(containsString("Số bản sao phải là số từ 1 đến 1000.")))
			.andExpect(content().string(containsString("value=\"ba\"")))
			.andExpect(content().string(containsString("value=\"Lê Thị Hoa\"")));
		assertThat(count("select count(*) from dossier")).isEqualTo(dossiers);
		assertThat(count("select count(*) from dossier_intake_slip")).isEqualTo(slips);
	}

	@Test
	void anExemptGroupAndAnExemptProcedurePayNothingAndNeverWait() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T09:00"));
		String receipt = this.mvc
			.perform(multipart("/can-bo/tiep-nhan").param("procedure", "1.004859")
				.param("channel", "COUNTER")
				.param("applicantName", "Đỗ Thị Lan")
				.param("idNumber", "038190006666")
				.param("applicantGroup", "Người thuộc hộ nghèo")
				.param("component", "Tờ khai theo mẫu", "Giấy tờ làm căn cứ cho việc đăng ký",
						"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)")
				.with(counter())
				.with(csrf()))
			.andExpect(redirectedUrlPattern("/can-bo/ho-so/*/bien-nhan"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String code = code(receipt);
		assertThat(statusOf(code)).isEqualTo("RECEIVED");
		assertThat(count("select fee_amount from dossier where code = ?", code)).isZero();
		assertThat(this.fees.due(code)).isEmpty();
		this.mvc.perform(get(receipt).with(counter()))
			.andExpect(content().string(containsString("Được miễn phí, lệ phí")));
	}

}
