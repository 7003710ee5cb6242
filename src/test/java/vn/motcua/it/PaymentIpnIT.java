package vn.motcua.it;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.payment.IpnAnswer;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentConfirmed;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.PaymentSweeps;
import vn.motcua.payment.Payments;
import vn.motcua.payment.internal.VnPaySettings;
import vn.motcua.payment.internal.VnPaySignature;
import vn.motcua.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Online payments' safety (issue 13, ADR 36): an IPN changes nothing unless its
 * signature, merchant, order, amount and currency are right; a repeated one, or one for
 * an order no longer pending, is acknowledged and changes nothing; 20 concurrent copies
 * make one move and one {@link PaymentConfirmed}. On H2, and on PostgreSQL with
 * {@code -Ppostgres}.
 */
@IntegrationTest
@Import(PaymentIpnIT.Config.class)
class PaymentIpnIT {

	static final String UNIT = "H56.15.40";

	/** A procedure of the demo ward with one fixed fee. */
	static final String PROCEDURE = "1.004859";

	static final long FEE = 15_000;

	@TestConfiguration
	static class Config {

		@Bean
		@Primary
		MutableClock paymentTestClock() {
			return new MutableClock(Instant.parse("2025-03-04T02:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

		@Bean
		Confirmations confirmations() {
			return new Confirmations();
		}

	}

	/**
	 * The PaymentConfirmed events, per order, as published (in the publishing thread).
	 */
	static class Confirmations {

		final Map<Long, AtomicInteger> counts = new ConcurrentHashMap<>();

		@EventListener
		void on(PaymentConfirmed event) {
			this.counts.computeIfAbsent(event.paymentId(), id -> new AtomicInteger()).incrementAndGet();
		}

		int of(long id) {
			AtomicInteger n = this.counts.get(id);
			return n == null ? 0 : n.get();
		}

	}

	@Autowired
	Payments payments;

	@Autowired
	PaymentSweeps sweeps;

	@Autowired
	VnPaySettings settings;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Catalog catalog;

	@Autowired
	Officers officers;

	@Autowired
	Confirmations confirmations;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void morning() {
		this.clock.set(Instant.parse("2025-03-04T02:00:00Z"));
	}

	/** A dossier of the fee procedure, received now at the demo ward's counter. */
	String dossierWithFee() {
		List<SubmittedComponent> components = this.catalog.get(UNIT, PROCEDURE, this.catalog.today())
			.content()
			.components()
			.stream()
			.filter(c -> c.mandatory())
			.map(c -> new SubmittedComponent(c.name(), Math.max(1, c.originals()), c.copies()))
			.toList();
		return this.intake
			.intake(actor("quangcu.motcua"), new DossierIntake.IntakeRequest(UNIT, PROCEDURE, Channel.COUNTER,
					new Applicant("Đỗ Văn Phí", "038090001234", "0912000111", null, null), components, false, null),
					List.of())
			.dossier()
			.code();
	}

	Actor actor(String username) {
		return Actor.of(this.officers.find(username).orElseThrow());
	}

	Payments.Started start(String dossier) {
		return this.payments.startOnline(dossier, UUID.randomUUID().toString(), "203.0.113.7");
	}

	static Map<String, String> query(URI uri) {
		Map<String, String> fields = new HashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] kv = pair.split("=", 2);
			fields.put(URLDecoder.decode(kv[0], StandardCharsets.US_ASCII),
					URLDecoder.decode(kv[1], StandardCharsets.US_ASCII));
		}
		return fields;
	}

	/** An IPN as VNPay sends it for the order, signed with the merchant's secret. */
	Map<String, String> ipn(Payment p, long amountTimes100, String responseCode, String transactionStatus) {
		Map<String, String> f = new HashMap<>();
		f.put("vnp_Amount", Long.toString(amountTimes100));
		f.put("vnp_BankCode", "NCB");
		f.put("vnp_BankTranNo", "VNP14422574");
		f.put("vnp_CardType", "ATM");
		f.put("vnp_OrderInfo", "Thanh toan phi ho so " + p.dossierCode());
		f.put("vnp_PayDate", "20250304091500");
		f.put("vnp_ResponseCode", responseCode);
		f.put("vnp_TmnCode", this.settings.tmnCode());
		f.put("vnp_TransactionNo", "14422574");
		f.put("vnp_TransactionStatus", transactionStatus);
		f.put("vnp_TxnRef", p.reference());
		return signed(f);
	}

	Map<String, String> paid(Payment p) {
		return ipn(p, p.amount() * 100, "00", "00");
	}

	Map<String, String> signed(Map<String, String> f) {
		Map<String, String> s = new HashMap<>(f);
		s.remove(VnPaySignature.SECURE_HASH);
		s.put(VnPaySignature.SECURE_HASH, VnPaySignature.sign(s, this.settings.hashSecret()));
		s.put(VnPaySignature.SECURE_HASH_TYPE, "HmacSHA512");
		return s;
	}

	PaymentStatus statusOf(Payment p) {
		return this.payments.find(p.reference()).orElseThrow().status();
	}

	@Test
	void theRedirectCarriesTheSignedFieldsOfVersion210() {
		Payments.Started started = start(dossierWithFee());
		assertThat(started.payment().status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(started.payment().amount()).isEqualTo(FEE);
		Map<String, String> f = query(started.redirect());
		assertThat(f).containsEntry("vnp_Version", "2.1.0")
			.containsEntry("vnp_Command", "pay")
			.containsEntry("vnp_TmnCode", this.settings.tmnCode())
			.containsEntry("vnp_Amount", "1500000")
			.containsEntry("vnp_CurrCode", "VND")
			.containsEntry("vnp_TxnRef", started.payment().reference())
			.containsEntry("vnp_OrderType", "other")
			.containsEntry("vnp_Locale", "vn")
			.containsEntry("vnp_IpAddr", "203.0.113.7")
			.containsEntry("vnp_CreateDate", "20250304090000")
			.containsEntry("vnp_ExpireDate", "20250304091500")
			.containsEntry("vnp_ReturnUrl", this.settings.returnUrl());
		assertThat(VnPaySignature.verify(f, this.settings.hashSecret())).isTrue();
		assertThat(started.redirect().toString()).startsWith(this.settings.payUrl() + "?");
	}

	@Test
	void theSameKeyGivesTheSameOrderAndAnotherDossiersKeyIsRefused() {
		String dossier = dossierWithFee();
		String key = UUID.randomUUID().toString();
		Payment first = this.payments.startOnline(dossier, key, "203.0.113.7").payment();
		Payment again = this.payments.startOnline(dossier, key, "203.0.113.7").payment();
		assertThat(again.id()).isEqualTo(first.id());
		// another key for the same dossier while the order is pending: the same order
		assertThat(start(dossier).payment().id()).isEqualTo(first.id());
		assertThatThrownBy(() -> this.payments.startOnline(dossierWithFee(), key, "203.0.113.7"))
			.isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
	}

	@Test
	void aTamperedSignatureIsAnswered97AndChangesNothing() {
		Payment p = start(dossierWithFee()).payment();
		Map<String, String> f = paid(p);
		f.put("vnp_Amount", "100");
		assertThat(this.payments.ipn(f)).isEqualTo(new IpnAnswer("97", "Invalid signature"));
		Map<String, String> unsigned = paid(p);
		unsigned.remove(VnPaySignature.SECURE_HASH);
		assertThat(this.payments.ipn(unsigned).rspCode()).isEqualTo("97");
		Map<String, String> otherSecret = paid(p);
		otherSecret.put(VnPaySignature.SECURE_HASH, VnPaySignature.sign(otherSecret, "not-the-secret"));
		assertThat(this.payments.ipn(otherSecret).rspCode()).isEqualTo("97");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.confirmations.of(p.id())).isZero();
	}

	@Test
	void aWrongAmountOrCurrencyIsAnswered04AndChangesNothing() {
		Payment p = start(dossierWithFee()).payment();
		assertThat(this.payments.ipn(ipn(p, (FEE - 1) * 100, "00", "00")))
			.isEqualTo(new IpnAnswer("04", "Invalid amount"));
		assertThat(this.payments.ipn(ipn(p, FEE * 100 + 50, "00", "00")).rspCode()).isEqualTo("04");
		Map<String, String> usd = new HashMap<>(paid(p));
		usd.put("vnp_CurrCode", "USD");
		assertThat(this.payments.ipn(signed(usd)).rspCode()).isEqualTo("04");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void anUnknownOrderIsAnswered01AndAnotherMerchant99() {
		Payment p = start(dossierWithFee()).payment();
		Map<String, String> unknown = new HashMap<>(paid(p));
		unknown.put("vnp_TxnRef", "MC250304NOSUCHXX");
		assertThat(this.payments.ipn(signed(unknown))).isEqualTo(new IpnAnswer("01", "Order not found"));
		Map<String, String> other = new HashMap<>(paid(p));
		other.put("vnp_TmnCode", "OTHER001");
		assertThat(this.payments.ipn(signed(other)).rspCode()).isEqualTo("99");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void aVerifiedSuccessPaysOnceAndAReplayIsAnswered02() {
		Payment p = start(dossierWithFee()).payment();
		assertThat(this.payments.ipn(paid(p))).isEqualTo(new IpnAnswer("00", "Confirm Success"));
		Payment after = this.payments.find(p.reference()).orElseThrow();
		assertThat(after.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(after.paidAt()).isEqualTo(this.clock.instant());
		assertThat(after.gatewayTransactionNo()).isEqualTo("14422574");
		assertThat(this.confirmations.of(p.id())).isEqualTo(1);
		assertThat(this.payments.ipn(paid(p))).isEqualTo(new IpnAnswer("02", "Order already confirmed"));
		// a failure sent after the success changes nothing either
		assertThat(this.payments.ipn(ipn(p, FEE * 100, "24", "02")).rspCode()).isEqualTo("02");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PAID);
		assertThat(this.confirmations.of(p.id())).isEqualTo(1);
		// the dossier's fee is paid: no second order
		assertThatThrownBy(() -> start(p.dossierCode())).isInstanceOfSatisfying(Problem.class,
				e -> assertThat(e.code()).isEqualTo("FEE_ALREADY_PAID"));
	}

	@Test
	void aVerifiedFailureFailsTheOrderAndALaterSuccessChangesNothing() {
		Payment p = start(dossierWithFee()).payment();
		assertThat(this.payments.ipn(ipn(p, FEE * 100, "24", "02")).rspCode()).isEqualTo("00");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.payments.ipn(paid(p)).rspCode()).isEqualTo("02");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.confirmations.of(p.id())).isZero();
		// the payer may try again: a new order
		assertThat(start(p.dossierCode()).payment().id()).isNotEqualTo(p.id());
	}

	@Test
	void anExpiredOrderIsSweptAndItsIpnAnswered02() {
		Payment p = start(dossierWithFee()).payment();
		this.clock.advance(Duration.ofMinutes(19));
		this.sweeps.expire();
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PENDING);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.sweeps.expire()).isPositive();
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.EXPIRED);
		assertThat(this.payments.ipn(paid(p)).rspCode()).isEqualTo("02");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.EXPIRED);
		assertThat(this.confirmations.of(p.id())).isZero();
	}

	@Test
	void twentyConcurrentCopiesOfOneIpnMakeOneMove() throws Exception {
		Payment p = start(dossierWithFee()).payment();
		Map<String, String> ipn = paid(p);
		int copies = 20;
		ExecutorService pool = Executors.newFixedThreadPool(copies);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<IpnAnswer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < copies; i++) {
				Callable<IpnAnswer> call = () -> {
					go.await();
					return this.payments.ipn(ipn);
				};
				answers.add(pool.submit(call));
			}
			go.countDown();
			List<String> codes = new ArrayList<>();
			for (Future<IpnAnswer> a : answers) {
				codes.add(a.get().rspCode());
			}
			assertThat(codes).filteredOn("00"::equals).hasSize(1);
			assertThat(codes).filteredOn("02"::equals).hasSize(copies - 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PAID);
		assertThat(this.confirmations.of(p.id())).isEqualTo(1);
	}

	@Test
	void theIpnEndpointIsPublicAndAnswersInVnpaysJson() throws Exception {
		Payment p = start(dossierWithFee()).payment();
		var request = get("/api/v1/payments/vnpay/ipn");
		paid(p).forEach((k, v) -> request.queryParam(k, v));
		this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().json("{\"RspCode\":\"00\",\"Message\":\"Confirm Success\"}"));
		var tampered = get("/api/v1/payments/vnpay/ipn");
		paid(p).forEach((k, v) -> tampered.queryParam(k, k.equals("vnp_Amount") ? "1" : v));
		this.mvc.perform(tampered)
			.andExpect(status().isOk())
			.andExpect(content().json("{\"RspCode\":\"97\",\"Message\":\"Invalid signature\"}"));
	}

	@Test
	void theReturnPageVerifiesAndChangesNothing() throws Exception {
		Payment p = start(dossierWithFee()).payment();
		var request = get("/thanh-toan/vnpay/ket-qua");
		paid(p).forEach((k, v) -> request.queryParam(k, v));
		String page = this.mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("đang chờ xác nhận");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PENDING);
		var forged = get("/thanh-toan/vnpay/ket-qua");
		paid(p).forEach((k, v) -> forged.queryParam(k, k.equals("vnp_ResponseCode") ? "24" : v));
		assertThat(this.mvc.perform(forged).andReturn().getResponse().getContentAsString())
			.contains("Không xác thực được");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void theFinanceOfficerRecordsACounterPaymentAndRefundsIt() {
		String dossier = dossierWithFee();
		Payment pending = start(dossier).payment();
		assertThatThrownBy(() -> this.payments.recordAtCounter(actor("quangcu.ketoan"), dossier, PaymentMethod.CASH,
				"BL-0001", null))
			.isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("PAYMENT_IN_PROGRESS"));
		this.payments.ipn(ipn(pending, FEE * 100, "24", "02"));
		assertThatThrownBy(() -> this.payments.recordAtCounter(actor("quangcu.motcua"), dossier, PaymentMethod.CASH,
				"BL-0001", null))
			.isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("NOT_ALLOWED"));
		Payment cash = this.payments.recordAtCounter(actor("quangcu.ketoan"), dossier, PaymentMethod.CASH, "BL-0001",
				"counter-" + dossier);
		assertThat(cash.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(cash.receiptNumber()).isEqualTo("BL-0001");
		assertThat(cash.recordedBy()).isEqualTo("quangcu.ketoan");
		assertThat(this.confirmations.of(cash.id())).isEqualTo(1);
		// the same request again: the same payment
		assertThat(this.payments
			.recordAtCounter(actor("quangcu.ketoan"), dossier, PaymentMethod.CASH, "BL-0001", "counter-" + dossier)
			.id()).isEqualTo(cash.id());
		assertThatThrownBy(() -> this.payments.refund(actor("quangcu.ketoan"), cash.id(), " "))
			.isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("PAYMENT_INVALID"));
		Payment refunded = this.payments.refund(actor("quangcu.ketoan"), cash.id(), "Thu nhầm");
		assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(refunded.refundReason()).isEqualTo("Thu nhầm");
		assertThatThrownBy(() -> this.payments.refund(actor("quangcu.ketoan"), cash.id(), "again"))
			.isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("PAYMENT_STATUS_CONFLICT"));
		assertThat(this.payments.ofDossier(dossier)).extracting(Payment::status)
			.containsExactly(PaymentStatus.FAILED, PaymentStatus.REFUNDED);
	}

	@Test
	void aCounterPaymentsKeyIsGivenBackOnlyToTheUnitsFinanceOfficer() {
		String dossier = dossierWithFee();
		String key = "counter-replay-" + dossier;
		Payment cash = this.payments.recordAtCounter(actor("quangcu.ketoan"), dossier, PaymentMethod.CASH, "BL-0003",
				key);
		// the same request by someone else, not the unit's finance officer: refused, not
		// the payment given back
		assertThatThrownBy(() -> this.payments.recordAtCounter(actor("quangcu.motcua"), dossier, PaymentMethod.CASH,
				"BL-0003", key))
			.isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("NOT_ALLOWED"));
		assertThat(this.payments.recordAtCounter(actor("quangcu.ketoan"), dossier, PaymentMethod.CASH, "BL-0003", key)
			.id()).isEqualTo(cash.id());
	}

	@Test
	void aPendingOrderWithinItsGraceBlocksANewStartAndTheCounterAndItsIpnStillPays() {
		String dossier = dossierWithFee();
		Payment p = start(dossier).payment();
		// past the order's lifetime (15 minutes), within the sweep's grace (5 more)
		this.clock.advance(Duration.ofMinutes(17));
		assertThatThrownBy(() -> start(dossier)).isInstanceOfSatisfying(Problem.class,
				e -> assertThat(e.code()).isEqualTo("PAYMENT_IN_PROGRESS"));
		assertThatThrownBy(() -> this.payments.recordAtCounter(actor("quangcu.ketoan"), dossier, PaymentMethod.CASH,
				"BL-0004", null))
			.isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("PAYMENT_IN_PROGRESS"));
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PENDING);
		// the IPN in flight arrives: the fee is taken once
		assertThat(this.payments.ipn(paid(p)).rspCode()).isEqualTo("00");
		assertThat(statusOf(p)).isEqualTo(PaymentStatus.PAID);
		assertThat(this.payments.ofDossier(dossier)).hasSize(1);

		// past the grace too: the order is expired and a new one started
		String other = dossierWithFee();
		Payment old = start(other).payment();
		this.clock.advance(Duration.ofMinutes(21));
		assertThat(start(other).payment().id()).isNotEqualTo(old.id());
		assertThat(statusOf(old)).isEqualTo(PaymentStatus.EXPIRED);
	}

	@Test
	void aControlCharacterOrTooLongATextIsRefusedNamingItsField() {
		String dossier = dossierWithFee();
		assertThatThrownBy(() -> this.payments.recordAtCounter(actor("quangcu.ketoan"), dossier, PaymentMethod.CASH,
				"BL\u00000005", null))
			.isInstanceOfSatisfying(Problem.class, e -> {
				assertThat(e.code()).isEqualTo("PAYMENT_INVALID");
				assertThat(e.violations()).extracting(Problem.Violation::field).containsExactly("receiptNumber");
			});
		assertThatThrownBy(() -> this.payments.recordAtCounter(actor("quangcu.ketoan"), dossier, PaymentMethod.CASH,
				"B".repeat(41), null))
			.isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("PAYMENT_INVALID"));
		Payment cash = this.payments.recordAtCounter(actor("quangcu.ketoan"), dossier, PaymentMethod.CASH, "BL-0005",
				null);
		for (String reason : List.of("Thu\u0000nhầm", "Thu nhầm\u001b", "x".repeat(1001))) {
			assertThatThrownBy(() -> this.payments.refund(actor("quangcu.ketoan"), cash.id(), reason))
				.isInstanceOfSatisfying(Problem.class, e -> {
					assertThat(e.code()).isEqualTo("PAYMENT_INVALID");
					assertThat(e.violations()).extracting(Problem.Violation::field).containsExactly("reason");
				});
		}
		assertThat(statusOf(cash)).isEqualTo(PaymentStatus.PAID);
		// a line break is no control character here
		assertThat(this.payments.refund(actor("quangcu.ketoan"), cash.id(), "Thu nhầm\nhồ sơ khác").status())
			.isEqualTo(PaymentStatus.REFUNDED);
	}

	@Test
	void anIpnForADossierClosedMeanwhileIsRecordedPaidAndFlaggedForARefund() throws Exception {
		String dossier = dossierWithFee();
		Payment p = start(dossier).payment();
		this.actions.act(actor("quangcu.motcua"), dossier, DossierAction.WITHDRAW,
				new DossierActions.ActionRequest(null, "Người nộp rút hồ sơ", null, null, null, null, null));
		// the money was taken: acknowledged once, recorded and receipted (one
		// PaymentConfirmed), not applied to the dossier
		assertThat(this.payments.ipn(paid(p))).isEqualTo(new IpnAnswer("00", "Confirm Success"));
		Payment after = this.payments.find(p.reference()).orElseThrow();
		assertThat(after.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(after.dossierClosed()).isTrue();
		assertThat(this.confirmations.of(p.id())).isOne();
		assertThat(
				this.jdbc.sql("select status from dossier where code = ?").param(dossier).query(String.class).single())
			.isEqualTo("WITHDRAWN");
		assertThat(this.payments.ipn(paid(p)).rspCode()).isEqualTo("02");
		// the finance officer sees it to refund
		this.mvc.perform(get("/can-bo/thu-phi").with(user("quangcu.ketoan").roles("FINANCE_OFFICER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hồ sơ đã kết thúc: cần hoàn phí")));
		assertThat(this.payments.refund(actor("quangcu.ketoan"), p.id(), "Hồ sơ đã rút").status())
			.isEqualTo(PaymentStatus.REFUNDED);
		// a paid order of an open dossier carries no such flag
		Payment open = start(dossierWithFee()).payment();
		this.payments.ipn(paid(open));
		assertThat(this.payments.find(open.reference()).orElseThrow().dossierClosed()).isFalse();
	}

}
