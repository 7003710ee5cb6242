package vn.motcua.it;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.forms.FormKind;
import vn.motcua.forms.IssuedDocument;
import vn.motcua.forms.IssuedDocuments;
import vn.motcua.forms.PdfText;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentRates;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.Payments;
import vn.motcua.payment.Reconciliations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.motcua.it.Api.COUNTER;
import static vn.motcua.it.Api.WARD;

/**
 * The pages of fees (issue 13): the citizen pays a dossier's fee from the look-up and
 * from "my dossiers" through the sandbox gateway (a double submission makes one order),
 * the IPN confirms it, the e-receipt is issued once and read back with pdftotext; the
 * finance officer records a counter payment (errors beside the fields, input kept),
 * refunds it with a reason, and exports the payments and the reconciliation as XLSX, read
 * back with POI; the navigation links the fee pages for that role only.
 */
@IntegrationTest
@Import(PaymentPagesIT.Clock.class)
@TestPropertySource(properties = { "motcua.test.database=paymentpages",
		// nothing listens there: the sandbox's own IPN call fails, the test sends it
		"motcua.payment.base-url=http://127.0.0.1:9" })
class PaymentPagesIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(CalendarFixture.at("2026-12-01T09:00"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	/** Chứng thực di chúc: a fixed fee of 50,000 đồng. */
	static final String WILL = "2.001019";

	static final String FINANCE = "quangcu.ketoan";

	static final String ID = "038190004321";

	static final Applicant NGOC = new Applicant("Trần Thị Bích Ngọc", ID, "0912000111", null, "Số 5, phố Lê Lợi");

	private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

	private static final Pattern SANDBOX_PAY = Pattern.compile("/sandbox/vnpay/pay/(\\d+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DossierIntake intake;

	@Autowired
	Catalog catalog;

	@Autowired
	Officers officers;

	@Autowired
	Payments payments;

	@Autowired
	Reconciliations reconciliations;

	@Autowired
	IssuedDocuments issued;

	@Autowired
	MutableClock clock;

	@Autowired
	PaymentRates rates;

	@BeforeAll
	static void poppler() {
		PdfText.assumeInstalled();
	}

	private String willDossier() {
		ProcedureContent content = this.catalog.get(WARD, WILL, null).content();
		List<SubmittedComponent> components = content.components()
			.stream()
			.filter(ProcedureContent.Component::mandatory)
			.map(c -> new SubmittedComponent(c.name(), Math.max(1, c.originals()), c.copies()))
			.toList();
		return this.intake.intake(Actor.of(this.officers.find(COUNTER).orElseThrow()),
				new DossierIntake.IntakeRequest(WARD, WILL, Channel.COUNTER, NGOC, components, false, null), List.of())
			.dossier()
			.code();
	}

	private static RequestPostProcessor finance() {
		return user(FINANCE).roles("FINANCE_OFFICER");
	}

	private static RequestPostProcessor citizen() {
		return oidcLogin().idToken(t -> t.claim("personal_id", ID).claim("name", NGOC.name()))
			.authorities(new SimpleGrantedAuthority("ROLE_CITIZEN"));
	}

	private static String key(String html) {
		Matcher m = KEY.matcher(html);
		assertThat(m.find()).as("the pay form's key").isTrue();
		return m.group(1);
	}

	private String lookup(String code) throws Exception {
		return this.mvc.perform(get("/tra-cuu").param("code", code).param("digits", ID.substring(8)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private IssuedDocument awaitReceipt(String code) throws InterruptedException {
		awaitTrue(() -> !this.issued.eReceipts(code).isEmpty());
		return this.issued.eReceipts(code).get(0);
	}

	/**
	 * Pays in the sandbox as the payer does: its page, approve, and the return with the
	 * signed fields; the IPN (which the sandbox could not deliver here) sent as it would
	 * be. Returns the signed query of the return.
	 */
	private String payInSandbox(URI gateway, boolean approve) throws Exception {
		String page = this.mvc.perform(get(servlet(gateway.getPath() + "?" + gateway.getRawQuery())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher m = SANDBOX_PAY.matcher(page);
		assertThat(m.find()).as(page).isTrue();
		String back = this.mvc
			.perform(post("/sandbox/vnpay/pay/{id}", m.group(1)).param("decision", approve ? "approve" : "decline")
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String query = URI.create(back).getRawQuery();
		this.mvc.perform(get(servlet("/api/v1/payments/vnpay/ipn?" + query)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.RspCode").value("00"));
		return query;
	}

	@Test
	void theCitizenPaysFromTheLookUpOnceForADoubleClickAndDownloadsTheEReceipt() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T09:00"));
		String code = willDossier();
		String html = lookup(code);
		assertThat(html).contains("Nộp phí trực tuyến", "50.000 đ", "id=\"pay-" + code + "\"");
		String key = key(html);
		// a double click: the same form sent twice makes one order, sent to the same page
		String first = this.mvc
			.perform(post("/tra-cuu/nop-phi").param("code", code)
				.param("digits", ID.substring(8))
				.param("key", key)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		String second = this.mvc
			.perform(post("/tra-cuu/nop-phi").param("code", code)
				.param("digits", ID.substring(8))
				.param("key", key)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(first).contains("/sandbox/vnpay/paymentv2/vpcpay.html?");
		assertThat(URI.create(second).getRawQuery())
			.contains("vnp_TxnRef=" + this.payments.ofDossier(code).get(0).reference());
		assertThat(this.payments.ofDossier(code)).hasSize(1);
		// without the form's CSRF token nothing starts
		this.mvc
			.perform(post("/tra-cuu/nop-phi").param("code", code).param("digits", ID.substring(8)).param("key", "x"))
			.andExpect(status().isForbidden());

		this.clock.set(CalendarFixture.at("2026-12-01T09:05"));
		String query = payInSandbox(URI.create(first), true);
		Payment paid = this.payments.ofDossier(code).get(0);
		assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
		IssuedDocument receipt = awaitReceipt(code);
		assertThat(receipt.kind()).isEqualTo(FormKind.E_RECEIPT);
		assertThat(receipt.forCitizen()).isTrue();
		assertThat(receipt.title()).isEqualTo("Biên lai thu phí, lệ phí");

		// the return page says it was paid, links back and offers the e-receipt
		this.mvc.perform(get(servlet("/thanh-toan/vnpay/ket-qua?" + query)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("đã được thanh toán")))
			.andExpect(content().string(containsString("id=\"payment-receipt\"")))
			.andExpect(content().string(containsString("/tra-cuu?code=" + code)));
		byte[] pdf = this.mvc.perform(get(servlet("/thanh-toan/vnpay/bien-lai?" + query)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = PdfText.of(pdf);
		assertThat(text).contains("UBND PHƯỜNG QUẢNG CƯ", "BỘ PHẬN MỘT CỬA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Độc lập - Tự do - Hạnh phúc", "BIÊN LAI THU PHÍ, LỆ PHÍ", "(Biên lai điện tử)",
				"Số: " + paid.reference(), "Quảng Cư, ngày 01 tháng 12 năm 2026", "Trần Thị Bích Ngọc", ID, code,
				"Chứng thực di chúc", "50.000 đồng", "Năm mươi nghìn đồng", "Trực tuyến qua cổng thanh toán VNPay",
				paid.gatewayTransactionNo(), "09 giờ 05 phút, ngày 01/12/2026");
		// a tampered return shows nothing and gives no receipt
		this.mvc.perform(get(servlet("/thanh-toan/vnpay/bien-lai?" + query.replace("vnp_Amount=", "vnp_Amount=1"))))
			.andExpect(status().isNotFound());

		// the look-up now says paid, and gives the receipt to whom proves the dossier
		String after = lookup(code);
		assertThat(after).contains("Đã nộp phí").doesNotContain("id=\"pay-" + code + "\"");
		this.mvc
			.perform(get("/tra-cuu/bien-lai/{id}", receipt.id()).param("code", code).param("digits", ID.substring(8)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		this.mvc.perform(get("/tra-cuu/bien-lai/{id}", receipt.id()).param("code", code).param("digits", "0000"))
			.andExpect(status().isNotFound());
		// the IPN again changes nothing and issues no second receipt
		this.mvc.perform(get(servlet("/api/v1/payments/vnpay/ipn?" + query)))
			.andExpect(jsonPath("$.RspCode").value("02"));
		assertThat(this.issued.eReceipts(code)).hasSize(1);

		// the return link gives the e-receipt for 24 hours after the payment (09:05),
		// then
		// sends the payer to the look-up
		this.clock.set(CalendarFixture.at("2026-12-02T09:04"));
		this.mvc.perform(get(servlet("/thanh-toan/vnpay/bien-lai?" + query)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		this.clock.set(CalendarFixture.at("2026-12-02T09:06"));
		this.mvc.perform(get(servlet("/thanh-toan/vnpay/bien-lai?" + query)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("id=\"payment-receipt-expired\"")))
			.andExpect(content().string(containsString("tải biên lai tại trang tra cứu hồ sơ")))
			.andExpect(content().string(not(containsString("%PDF"))));
		this.mvc.perform(get(servlet("/thanh-toan/vnpay/ket-qua?" + query)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("đã được thanh toán")))
			.andExpect(content().string(containsString("tải biên lai tại trang tra cứu hồ sơ")))
			.andExpect(content().string(not(containsString("id=\"payment-receipt\""))));
		this.mvc
			.perform(get("/tra-cuu/bien-lai/{id}", receipt.id()).param("code", code).param("digits", ID.substring(8)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
	}

	@Test
	void theCitizenPaysFromMyDossiersAndADeclineSaysSo() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-01T10:00"));
		String code = willDossier();
		String html = this.mvc.perform(get("/cong-dan").with(citizen()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int at = html.indexOf("id=\"fee-" + code + "\"");
		assertThat(at).isPositive();
		assertThat(html.substring(at)).contains("50.000 đ", "Hồ sơ chờ nộp phí");
		String key = key(html.substring(at));
		String gateway = this.mvc
			.perform(post("/cong-dan/ho-so/{code}/nop-phi", code).param("key", key).with(citizen()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		// another citizen may not pay it from their page
		this.mvc
			.perform(post("/cong-dan/ho-so/{code}/nop-phi", code).param("key", key)
				.with(oidcLogin().idToken(t -> t.claim("personal_id", "038190009999"))
					.authorities(new SimpleGrantedAuthority("ROLE_CITIZEN")))
				.with(csrf()))
			.andExpect(status().isNotFound());
		String query = payInSandbox(URI.create(gateway), false);
		assertThat(this.payments.ofDossier(code).get(0).status()).isEqualTo(PaymentStatus.FAILED);
		this.mvc.perform(get(servlet("/thanh-toan/vnpay/ket-qua?" + query)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("không thành công")))
			.andExpect(content().string(not(containsString("id=\"payment-receipt\""))));
		// and the button is there again, with a new key
		String again = this.mvc.perform(get("/cong-dan").with(citizen()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(key(again.substring(again.indexOf("id=\"fee-" + code + "\"")))).isNotEqualTo(key);
	}

	@Test
	void theFinanceOfficerRecordsACounterPaymentRefundsItAndExportsBothLists() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-02T09:00"));
		String code = willDossier();
		// the link is in the finance officer's navigation only; the pages are theirs
		this.mvc.perform(get("/can-bo/thu-phi").with(finance()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"nav-finance\"")));
		this.mvc.perform(get("/can-bo/thu-phi").with(user(COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/can-bo").with(user(COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(content().string(not(containsString("id=\"nav-finance\""))));

		// a bad receipt number: the error beside its field, what was typed kept
		this.mvc
			.perform(post("/can-bo/thu-phi/tai-quay").param("dossierCode", code)
				.param("method", "CASH")
				.param("receiptNumber", "<>")
				.param("key", "counter-1")
				.with(finance())
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"receiptNumber-error\"")))
			.andExpect(content().string(containsString("Số biên lai gồm 1 đến 40 chữ cái")))
			.andExpect(content().string(containsString("value=\"" + code + "\"")));
		// an unknown dossier: beside the code
		this.mvc
			.perform(post("/can-bo/thu-phi/tai-quay").param("dossierCode", "H56.15.40-000000-9999")
				.param("method", "CASH")
				.param("receiptNumber", "BL-0001")
				.param("key", "counter-1")
				.with(finance())
				.with(csrf()))
			.andExpect(content().string(containsString("id=\"dossierCode-error\"")));
		String recorded = this.mvc
			.perform(post("/can-bo/thu-phi/tai-quay").param("dossierCode", code)
				.param("method", "CASH")
				.param("receiptNumber", "BL-2026/0042")
				.param("key", "counter-1")
				.with(finance())
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Payment p = this.payments.ofDossier(code).get(0);
		assertThat(recorded).contains("recorded=" + p.reference());
		assertThat(p.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(p.recordedBy()).isEqualTo(FINANCE);
		String text = PdfText.of(pdf(p.id()));
		assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", "Tiền mặt tại quầy", "BL-2026/0042", "Hoàng Thị Mai",
				"50.000 đồng");

		// a refund needs a reason
		this.mvc
			.perform(post("/can-bo/thu-phi/{id}/hoan-tien", p.id()).param("reason", " ").with(finance()).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"reason-error\"")));
		// a control character (U+0000 fails PostgreSQL): the error beside the field, in
		// Vietnamese, what was typed kept
		this.mvc
			.perform(post("/can-bo/thu-phi/{id}/hoan-tien", p.id()).param("reason", "Nộp nhầm\u0000 hồ sơ")
				.with(finance())
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"reason-error\"")))
			.andExpect(content().string(containsString("không có ký tự điều khiển")))
			.andExpect(content().string(containsString("value=\"Nộp nhầm")));
		this.mvc
			.perform(post("/can-bo/thu-phi/{id}/hoan-tien", p.id()).param("reason", "Nộp nhầm hồ sơ")
				.with(finance())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.payments.ofDossier(code).get(0).status()).isEqualTo(PaymentStatus.REFUNDED);

		// a period ending before it starts, or too long: the error beside it, the dates
		// kept
		for (String[] period : new String[][] { { "2026-12-02", "2026-12-01" }, { "2025-01-01", "2026-12-02" } }) {
			this.mvc.perform(get("/can-bo/thu-phi").param("from", period[0]).param("to", period[1]).with(finance()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("id=\"to-error\"")))
				.andExpect(content().string(containsString("cả khoảng không quá 366 ngày")))
				.andExpect(content().string(containsString("value=\"" + period[1] + "\"")));
		}

		// the list as XLSX, read back
		byte[] xlsx = this.mvc
			.perform(get("/can-bo/thu-phi/xuat").param("from", "2026-12-02").param("to", "2026-12-02").with(finance()))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã giao dịch");
			Row row = null;
			for (Row r : sheet) {
				if (r.getRowNum() > 0 && p.reference().equals(r.getCell(0).getStringCellValue())) {
					row = r;
				}
			}
			assertThat(row).isNotNull();
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo(code);
			assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(50_000d);
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("Tiền mặt");
			assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Đã hoàn tiền");
			assertThat(row.getCell(9).getStringCellValue()).isEqualTo("BL-2026/0042");
			assertThat(row.getCell(13).getStringCellValue()).isEqualTo("Nộp nhầm hồ sơ");
		}
		// the reconciliation of the day, as XLSX
		this.reconciliations.run(java.time.LocalDate.of(2026, 12, 2));
		this.mvc.perform(get("/can-bo/thu-phi").param("day", "2026-12-02").with(finance()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"reconciliation-")));
		byte[] day = this.mvc.perform(get("/can-bo/thu-phi/doi-soat/xuat").param("day", "2026-12-02").with(finance()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(day))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("Loại sai lệch");
		}
	}

	@Test
	void theKpiReportCarriesTheOnlinePaymentRatesWithTheirExactCounts() throws Exception {
		this.clock.set(CalendarFixture.at("2026-12-03T09:00"));
		String code = willDossier();
		String html = lookup(code);
		String gateway = this.mvc
			.perform(post("/tra-cuu/nop-phi").param("code", code)
				.param("digits", ID.substring(8))
				.param("key", key(html))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		payInSandbox(URI.create(gateway), true);
		PaymentRates.Rates rates = this.rates.of(WARD, java.time.LocalDate.of(2026, 12, 1),
				java.time.LocalDate.of(2026, 12, 3));
		assertThat(rates.dossiersPaidOnline()).isPositive();
		String json = this.mvc
			.perform(get("/api/v1/reports/{unit}/kpis", WARD).param("from", "2026-12-01")
				.param("to", "2026-12-03")
				.with(Api.as(COUNTER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.payments.dossiersPaidOnline").value(rates.dossiersPaidOnline()))
			.andExpect(jsonPath("$.payments.dossiersWithFees").value(rates.dossiersWithFees()))
			.andExpect(jsonPath("$.payments.feeProcedures").value(rates.feeProcedures()))
			.andExpect(jsonPath("$.payments.feeProceduresPaidOnline").value(rates.feeProceduresPaidOnline()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String dashboard = this.mvc
			.perform(get("/can-bo/bao-cao").param("unit", WARD)
				.param("from", "01/12/2026")
				.param("to", "03/12/2026")
				.with(user(COUNTER).roles("ONE_STOP_OFFICER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dashboard).contains("id=\"table-payments\"", "Hồ sơ nộp phí trực tuyến",
				rates.dossiersPaidOnline() + " / " + rates.dossiersWithFees());
		// a rate with nothing to divide by is not measured: null in the API, said so on
		// the page
		if (rates.dossiersWithFees() == 0) {
			assertThat(json).contains("\"paidOnlineRate\":null");
			assertThat(dashboard).contains("chưa đo được");
		}
		else {
			assertThat(com.jayway.jsonpath.JsonPath.<Double>read(json, "$.payments.paidOnlineRate"))
				.isEqualTo(Math.min(1.0, (double) rates.dossiersPaidOnline() / rates.dossiersWithFees()));
		}
	}

	private byte[] pdf(long paymentId) throws Exception {
		awaitTrue(() -> this.issued.eReceipt(paymentId).isPresent());
		try (var content = this.issued.openEReceipt(paymentId).orElseThrow().stream()) {
			return content.readAllBytes();
		}
	}

	/**
	 * The address for MockMvc, which does not read '+' in a query as a space as a servlet
	 * container does (the gateway's fields are form-encoded).
	 */
	private static URI servlet(String pathAndQuery) {
		return URI.create(pathAndQuery.replace("+", "%20"));
	}

	static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
			Thread.sleep(50);
		}
		assertThat(condition.getAsBoolean()).isTrue();
	}

}
