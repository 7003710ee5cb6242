package vn.motcua.payment.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import vn.motcua.payment.internal.VnPayGateway;
import vn.motcua.payment.internal.VnPaySettings;
import vn.motcua.payment.internal.VnPaySignature;

/**
 * A stand-in for VNPay's sandbox, served by the application itself so that the whole flow
 * runs on a fresh machine (on by default, off in production:
 * {@code motcua.payment.sandbox.enabled}). It speaks the protocol as the gateway does and
 * shares nothing with the payment orders but the merchant's settings: it checks the
 * redirect's signature, shows the payer a page to approve or decline, then calls the IPN
 * URL server to server (HTTP GET) and sends the browser to the return URL, both signed;
 * its query API ({@code querydr}, JSON, signed) answers from its own table of
 * transactions ({@code payment_sandbox_txn}).
 */
@Controller
@RequestMapping("/sandbox/vnpay")
@ConditionalOnProperty(name = "motcua.payment.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class VnPaySandbox {

	/** The transaction statuses of VNPay's query API. */
	static final String SUCCESS = "00";

	static final String WAITING = "01";

	static final String FAILED = "02";

	record Txn(long id, String txnRef, String tmnCode, long amount, String orderInfo, String returnUrl,
			String createDate, String transactionNo, String status, String responseCode, String payDate) {
	}

	private static final Logger log = LoggerFactory.getLogger(VnPaySandbox.class);

	private final JdbcClient jdbc;

	private final VnPaySettings settings;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	VnPaySandbox(JdbcClient jdbc, VnPaySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** The payment page: the signed redirect checked, the payer asked. */
	@GetMapping("/paymentv2/vpcpay.html")
	String pay(@RequestParam Map<String, String> fields, Model model) {
		String secret = this.settings.hashSecret();
		if (!VnPaySignature.verify(fields, secret) || !"pay".equals(fields.get("vnp_Command"))
				|| !VnPayGateway.VERSION.equals(fields.get("vnp_Version"))
				|| !this.settings.tmnCode().equals(fields.get("vnp_TmnCode"))
				|| !"VND".equals(fields.get("vnp_CurrCode")) || fields.get("vnp_TxnRef") == null
				|| fields.get("vnp_ReturnUrl") == null || amount(fields.get("vnp_Amount")) == null) {
			model.addAttribute("invalid", true);
			return "sandbox/vnpay";
		}
		if (expired(fields.get("vnp_ExpireDate"))) {
			model.addAttribute("expired", true);
			return "sandbox/vnpay";
		}
		Txn txn = find(fields.get("vnp_TmnCode"), fields.get("vnp_TxnRef")).orElseGet(() -> create(fields));
		model.addAttribute("txn", txn);
		model.addAttribute("amount", txn.amount() / 100);
		return "sandbox/vnpay";
	}

	/**
	 * The payer's answer: the IPN sent server to server, then the browser sent back to
	 * the merchant's return URL.
	 */
	@PostMapping("/pay/{id}")
	String decide(@PathVariable long id, @RequestParam String decision) {
		Txn txn = this.jdbc.sql("select " + COLUMNS + " from payment_sandbox_txn where id = ?")
			.param(id)
			.query((rs, n) -> txn(rs))
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no sandbox transaction " + id));
		boolean approve = "approve".equals(decision);
		String payDate = VnPayGateway.TIME.format(this.clock.instant());
		int moved = this.jdbc
			.sql("update payment_sandbox_txn set status = ?, response_code = ?, pay_date = ? where id = ?"
					+ " and status = ?")
			.params(approve ? SUCCESS : FAILED, approve ? "00" : "24", payDate, id, WAITING)
			.update();
		if (moved == 1) {
			txn = this.jdbc.sql("select " + COLUMNS + " from payment_sandbox_txn where id = ?")
				.param(id)
				.query((rs, n) -> txn(rs))
				.single();
		}
		String query = VnPaySignature.query(callback(txn), this.settings.hashSecret());
		if (moved == 1) {
			ipn(query);
		}
		return "redirect:" + txn.returnUrl() + "?" + query;
	}

	/** VNPay's query API (querydr): what the sandbox holds about a transaction. */
	@PostMapping(path = "/merchant_webapi/api/transaction", consumes = "application/json",
			produces = "application/json")
	@ResponseBody
	Map<String, String> query(@RequestBody Map<String, Object> body) {
		Map<String, String> request = new HashMap<>();
		body.forEach((k, v) -> request.put(k, v == null ? "" : v.toString()));
		Map<String, String> answer = new LinkedHashMap<>();
		answer.put("vnp_ResponseId", Long.toHexString(ThreadLocalRandom.current().nextLong()));
		answer.put("vnp_Command", "querydr");
		answer.put("vnp_TmnCode", request.getOrDefault("vnp_TmnCode", ""));
		answer.put("vnp_TxnRef", request.getOrDefault("vnp_TxnRef", ""));
		String secret = this.settings.hashSecret();
		Optional<Txn> txn = Optional.empty();
		if (!VnPaySignature.equal(VnPaySignature.hmac(VnPayGateway.joined(request, VnPayGateway.QUERY_SIGNED), secret),
				request.get("vnp_SecureHash"))) {
			answer.put("vnp_ResponseCode", "97");
			answer.put("vnp_Message", "Invalid Checksum");
		}
		else {
			txn = find(request.get("vnp_TmnCode"), request.get("vnp_TxnRef"));
			answer.put("vnp_ResponseCode", txn.isPresent() ? "00" : "91");
			answer.put("vnp_Message", txn.isPresent() ? "Success" : "Not found transaction");
		}
		answer.put("vnp_Amount", txn.map(t -> Long.toString(t.amount())).orElse(""));
		answer.put("vnp_BankCode", txn.map(t -> "NCB").orElse(""));
		answer.put("vnp_PayDate", txn.map(Txn::payDate).orElse(""));
		answer.put("vnp_TransactionNo", txn.map(Txn::transactionNo).orElse(""));
		answer.put("vnp_TransactionType", txn.map(t -> "01").orElse(""));
		answer.put("vnp_TransactionStatus", txn.map(Txn::status).orElse(""));
		answer.put("vnp_OrderInfo", txn.map(Txn::orderInfo).orElse(""));
		answer.put("vnp_PromotionCode", "");
		answer.put("vnp_PromotionAmount", "");
		answer.replaceAll((k, v) -> v == null ? "" : v);
		answer.put("vnp_SecureHash",
				VnPaySignature.hmac(VnPayGateway.joined(answer, VnPayGateway.QUERY_ANSWER_SIGNED), secret));
		return answer;
	}

	private Map<String, String> callback(Txn txn) {
		Map<String, String> f = new HashMap<>();
		f.put("vnp_Amount", Long.toString(txn.amount()));
		f.put("vnp_BankCode", "NCB");
		f.put("vnp_BankTranNo", "VNP" + txn.transactionNo());
		f.put("vnp_CardType", "ATM");
		f.put("vnp_OrderInfo", txn.orderInfo());
		f.put("vnp_PayDate", txn.payDate());
		f.put("vnp_ResponseCode", txn.responseCode());
		f.put("vnp_TmnCode", txn.tmnCode());
		f.put("vnp_TransactionNo", txn.transactionNo());
		f.put("vnp_TransactionStatus", txn.status());
		f.put("vnp_TxnRef", txn.txnRef());
		return f;
	}

	private void ipn(String query) {
		String url = this.settings.ipnUrl() + "?" + query;
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			log.info("Sandbox VNPay: IPN answered {} {}", response.statusCode(), response.body());
		}
		catch (IOException ex) {
			log.warn("Sandbox VNPay: the IPN to {} failed: {}", this.settings.ipnUrl(), ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final String COLUMNS = "id, txn_ref, tmn_code, amount, order_info, return_url, create_date,"
			+ " transaction_no, status, response_code, pay_date";

	private static Txn txn(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Txn(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
				rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
	}

	private Optional<Txn> find(String tmnCode, String txnRef) {
		return this.jdbc.sql("select " + COLUMNS + " from payment_sandbox_txn where tmn_code = ? and txn_ref = ?")
			.params(tmnCode, txnRef)
			.query((rs, n) -> txn(rs))
			.optional();
	}

	private Txn create(Map<String, String> f) {
		String no = Long.toString(14_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
		String info = f.getOrDefault("vnp_OrderInfo", "");
		try {
			this.jdbc
				.sql("insert into payment_sandbox_txn (txn_ref, tmn_code, amount, order_info, return_url, create_date,"
						+ " transaction_no, status) values (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(f.get("vnp_TxnRef"), f.get("vnp_TmnCode"), amount(f.get("vnp_Amount")),
						info.length() > 255 ? info.substring(0, 255) : info, f.get("vnp_ReturnUrl"),
						f.getOrDefault("vnp_CreateDate", ""), no, WAITING)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// the same redirect opened twice at once
		}
		return find(f.get("vnp_TmnCode"), f.get("vnp_TxnRef")).orElseThrow();
	}

	private static Long amount(String text) {
		try {
			long a = Long.parseLong(text);
			return a > 0 ? a : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private boolean expired(String expireDate) {
		if (expireDate == null) {
			return false;
		}
		try {
			Instant at = LocalDateTime.parse(expireDate, VnPayGateway.TIME).toInstant(ZoneOffset.ofHours(7));
			return this.clock.instant().isAfter(at);
		}
		catch (DateTimeParseException ex) {
			return true;
		}
	}

}
