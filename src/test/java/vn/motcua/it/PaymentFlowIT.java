package vn.motcua.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.Payments;
import vn.motcua.payment.Reconciliations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole online payment over HTTP, with the sandbox gateway the application serves
 * (issue 13): the applicant starts a payment through the API, approves (or declines) on
 * the sandbox's page, the sandbox calls the IPN server to server and sends the browser to
 * the return page; then the daily reconciliation compares the orders with the sandbox's
 * query API and lists the mismatches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "motcua.payment.base-url=http://localhost:${local.server.port}",
				"motcua.test.database=paymentflow" })
@ContextConfiguration(initializers = TestDatabase.class)
class PaymentFlowIT {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

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
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	String dossierWithFee() {
		List<SubmittedComponent> components = this.catalog
			.get(PaymentIpnIT.UNIT, PaymentIpnIT.PROCEDURE, this.catalog.today())
			.content()
			.components()
			.stream()
			.filter(c -> c.mandatory())
			.map(c -> new SubmittedComponent(c.name(), Math.max(1, c.originals()), c.copies()))
			.toList();
		return this.intake.intake(Actor.of(this.officers.find("quangcu.motcua").orElseThrow()),
				new DossierIntake.IntakeRequest(PaymentIpnIT.UNIT, PaymentIpnIT.PROCEDURE, Channel.COUNTER,
						new Applicant("Đỗ Văn Phí", "038090001234", "0912000111", null, null), components, false, null),
				List.of())
			.dossier()
			.code();
	}

	String base() {
		return "http://localhost:" + this.port;
	}

	/** The applicant starts an online payment through the API. */
	JsonNode start(String dossier) throws Exception {
		HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/payments/online"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString("{\"dossierCode\":\"" + dossier + "\",\"digits\":\"1234\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return JSON.readTree(r.body());
	}

	HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * On the sandbox's page, the payer approves or declines; the answer is its redirect.
	 */
	HttpResponse<String> decide(String redirect, String decision) throws Exception {
		HttpResponse<String> page = get(redirect);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Cổng thanh toán thử nghiệm").contains("15.000 đ");
		Matcher form = FORM.matcher(page.body());
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(form.find()).isTrue();
		assertThat(csrf.find()).isTrue();
		String body = "decision=" + decision + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return this.http.send(HttpRequest.newBuilder(URI.create(base() + form.group(1).replace("&amp;", "&")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theApplicantPaysThroughTheSandboxAndTheIpnPaysTheOrder() throws Exception {
		String dossier = dossierWithFee();
		JsonNode started = start(dossier);
		String reference = started.get("payment").get("reference").asString();
		String redirect = started.get("redirect").asString();
		assertThat(redirect).startsWith(base() + "/sandbox/vnpay/paymentv2/vpcpay.html?");
		// received at the counter, its fee due at intake: it waits, its clock paused
		assertThat(dossierStatus(dossier)).isEqualTo("AWAITING_PAYMENT");

		HttpResponse<String> back = decide(redirect, "approve");
		assertThat(back.statusCode()).isEqualTo(302);
		String location = back.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(base() + "/thanh-toan/vnpay/ket-qua?");
		// the IPN came server to server before the browser was sent back
		Payment paid = this.payments.find(reference).orElseThrow();
		assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(paid.gatewayTransactionNo()).isNotBlank();
		HttpResponse<String> page = get(location);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("đã được thanh toán").contains(dossier);
		// a second visit to the sandbox's page: the payment is over
		assertThat(get(redirect).body()).contains("Giao dịch này đã kết thúc");
		// the dossier moved on, and its e-receipt is issued once (after the commit)
		assertThat(dossierStatus(dossier)).isEqualTo("RECEIVED");
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (eReceipts(dossier) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(eReceipts(dossier)).isEqualTo(1);
	}

	String dossierStatus(String code) {
		return this.jdbc.sql("select status from dossier where code = ?").param(code).query(String.class).single();
	}

	long eReceipts(String code) {
		return this.jdbc.sql("select count(*) from issued_document where dossier_code = ? and kind = 'E_RECEIPT'")
			.param(code)
			.query(Long.class)
			.single();
	}

	@Test
	void aDeclinedPaymentFailsTheOrder() throws Exception {
		String dossier = dossierWithFee();
		JsonNode started = start(dossier);
		String reference = started.get("payment").get("reference").asString();
		HttpResponse<String> back = decide(started.get("redirect").asString(), "decline");
		assertThat(back.statusCode()).isEqualTo(302);
		assertThat(this.payments.find(reference).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(get(back.headers().firstValue("Location").orElseThrow()).body()).contains("không thành công");
	}

	@Test
	void aForgedRedirectIsRefusedBySandbox() throws Exception {
		String dossier = dossierWithFee();
		String redirect = start(dossier).get("redirect").asString();
		String forged = redirect.replace("vnp_Amount=1500000", "vnp_Amount=100");
		assertThat(get(forged).body()).contains("Yêu cầu thanh toán không hợp lệ");
	}

	@Test
	void theReconciliationListsWhatDiffersFromTheGatewaysRecords() throws Exception {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
		// matches: paid through the sandbox
		JsonNode ok = start(dossierWithFee());
		decide(ok.get("redirect").asString(), "approve");
		// paid at the gateway, whose IPN never came: the sandbox's record set by hand
		JsonNode lost = start(dossierWithFee());
		assertThat(get(lost.get("redirect").asString()).statusCode()).isEqualTo(200);
		String lostRef = lost.get("payment").get("reference").asString();
		this.jdbc.sql("update payment_sandbox_txn set status = '00', response_code = '00' where txn_ref = ?")
			.param(lostRef)
			.update();
		// paid here, never seen by the gateway
		JsonNode here = start(dossierWithFee());
		String hereRef = here.get("payment").get("reference").asString();
		this.jdbc.sql("update payment_order set status = 'PAID' where reference = ?").param(hereRef).update();
		// paid at both, for another amount at the gateway
		JsonNode differs = start(dossierWithFee());
		assertThat(get(differs.get("redirect").asString()).statusCode()).isEqualTo(200);
		String differsRef = differs.get("payment").get("reference").asString();
		this.jdbc
			.sql("update payment_sandbox_txn set status = '00', response_code = '00', amount = 100000"
					+ " where txn_ref = ?")
			.param(differsRef)
			.update();
		this.jdbc.sql("update payment_order set status = 'PAID' where reference = ?").param(differsRef).update();

		Reconciliations.Run run = this.reconciliations.run(today);
		assertThat(run).isNotNull();
		assertThat(run.checked()).isGreaterThanOrEqualTo(4);
		assertThat(run.mismatches()).isEqualTo(3);
		// once a day, across instances
		assertThat(this.reconciliations.run(today)).isNull();
		List<Reconciliations.Mismatch> report = this.reconciliations
			.report(Actor.of(this.officers.find("quangcu.ketoan").orElseThrow()), PaymentIpnIT.UNIT, today);
		assertThat(report).extracting(Reconciliations.Mismatch::reference, Reconciliations.Mismatch::kind)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(lostRef, Reconciliations.Kind.PAID_AT_GATEWAY_ONLY),
					org.assertj.core.groups.Tuple.tuple(hereRef, Reconciliations.Kind.PAID_HERE_ONLY),
					org.assertj.core.groups.Tuple.tuple(differsRef, Reconciliations.Kind.AMOUNT_DIFFERS));
	}

}
