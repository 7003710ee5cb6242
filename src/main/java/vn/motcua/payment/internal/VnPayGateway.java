package vn.motcua.payment.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.payment.Gateway;
import vn.motcua.payment.IpnAnswer;
import vn.motcua.payment.Payment;

/**
 * VNPay, protocol version 2.1.0: the payer is sent to {@code vpcpay.html} with the signed
 * {@code vnp_*} fields; VNPay calls our IPN server to server and sends the payer back to
 * the return URL, both signed the same way ({@link VnPaySignature}); the query API
 * ({@code querydr}, JSON) says what it holds about an order. Amounts travel in đồng ×
 * 100, times as {@code yyyyMMddHHmmss} in GMT+7.
 */
@Component
public class VnPayGateway implements Gateway {

	public static final String NAME = "VNPAY";

	public static final String VERSION = "2.1.0";

	public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.ofHours(7));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The fields of querydr's request and answer, in the order they are signed. */
	public static final List<String> QUERY_SIGNED = List.of("vnp_RequestId", "vnp_Version", "vnp_Command",
			"vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo");

	public static final List<String> QUERY_ANSWER_SIGNED = List.of("vnp_ResponseId", "vnp_Command", "vnp_ResponseCode",
			"vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode", "vnp_PayDate",
			"vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo", "vnp_PromotionCode",
			"vnp_PromotionAmount");

	private final VnPaySettings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	VnPayGateway(VnPaySettings settings) {
		this.settings = settings;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String merchant() {
		return this.settings.tmnCode();
	}

	/** The order's description sent to VNPay: ASCII, no marks, as VNPay asks. */
	public static String orderInfo(Payment order) {
		return "Thanh toan phi ho so " + order.dossierCode() + " ma GD " + order.reference();
	}

	@Override
	public URI redirect(Payment order, String payerIp, Instant now) {
		Map<String, String> f = new HashMap<>();
		f.put("vnp_Version", VERSION);
		f.put("vnp_Command", "pay");
		f.put("vnp_TmnCode", this.settings.tmnCode());
		f.put("vnp_Amount", Long.toString(Math.multiplyExact(order.amount(), 100L)));
		f.put("vnp_CurrCode", "VND");
		f.put("vnp_TxnRef", order.reference());
		f.put("vnp_OrderInfo", orderInfo(order));
		f.put("vnp_OrderType", "other");
		f.put("vnp_Locale", "vn");
		f.put("vnp_ReturnUrl", this.settings.returnUrl());
		f.put("vnp_IpAddr", payerIp == null || payerIp.isBlank() ? "127.0.0.1" : payerIp);
		f.put("vnp_CreateDate", TIME.format(order.createdAt()));
		f.put("vnp_ExpireDate", TIME.format(order.expiresAt()));
		return URI.create(this.settings.payUrl() + "?" + VnPaySignature.query(f, this.settings.hashSecret()));
	}

	@Override
	public Callback read(Map<String, String> fields) {
		boolean signed = VnPaySignature.verify(fields, this.settings.hashSecret());
		Long amount = null;
		try {
			long hundredths = Long.parseLong(fields.getOrDefault("vnp_Amount", ""));
			amount = hundredths % 100 == 0 ? hundredths / 100 : null;
		}
		catch (NumberFormatException ex) {
			// no amount
		}
		// VNPay takes VND only and does not repeat the currency in its callbacks
		String currency = fields.getOrDefault("vnp_CurrCode", "VND");
		boolean success = "00".equals(fields.get("vnp_ResponseCode"))
				&& "00".equals(fields.get("vnp_TransactionStatus"));
		return new Callback(signed, fields.get("vnp_TmnCode"), fields.get("vnp_TxnRef"), amount, currency, success,
				fields.get("vnp_TransactionNo"), fields.get("vnp_ResponseCode"));
	}

	@Override
	public IpnAnswer answer(CallbackOutcome outcome) {
		return switch (outcome) {
			case CONFIRMED -> new IpnAnswer("00", "Confirm Success");
			case ORDER_NOT_FOUND -> new IpnAnswer("01", "Order not found");
			case ALREADY_CONFIRMED -> new IpnAnswer("02", "Order already confirmed");
			case INVALID_AMOUNT -> new IpnAnswer("04", "Invalid amount");
			case INVALID_SIGNATURE -> new IpnAnswer("97", "Invalid signature");
			case OTHER -> new IpnAnswer("99", "Unknown error");
		};
	}

	@Override
	public GatewayRecord query(Payment order, Instant now) {
		Map<String, String> request = new LinkedHashMap<>();
		request.put("vnp_RequestId", HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
		request.put("vnp_Version", VERSION);
		request.put("vnp_Command", "querydr");
		request.put("vnp_TmnCode", this.settings.tmnCode());
		request.put("vnp_TxnRef", order.reference());
		request.put("vnp_TransactionDate", TIME.format(order.createdAt()));
		request.put("vnp_CreateDate", TIME.format(now));
		request.put("vnp_IpAddr", "127.0.0.1");
		request.put("vnp_OrderInfo", "Doi soat " + order.reference());
		request.put("vnp_SecureHash", VnPaySignature.hmac(joined(request, QUERY_SIGNED), this.settings.hashSecret()));
		HttpResponse<String> response;
		try {
			response = this.http.send(HttpRequest.newBuilder(URI.create(this.settings.apiUrl()))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("VNPay's query API did not answer: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking VNPay's query API", ex);
		}
		if (response.statusCode() != 200) {
			throw new IllegalStateException("VNPay's query API answered HTTP " + response.statusCode());
		}
		JsonNode body = JSON.readTree(response.body());
		Map<String, String> answer = new HashMap<>();
		body.properties().forEach(e -> answer.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString()));
		if (!VnPaySignature.equal(VnPaySignature.hmac(joined(answer, QUERY_ANSWER_SIGNED), this.settings.hashSecret()),
				answer.get("vnp_SecureHash"))) {
			throw new IllegalStateException("VNPay's query answer for " + order.reference() + " is not signed by it");
		}
		String code = answer.get("vnp_ResponseCode");
		if ("91".equals(code)) {
			return new GatewayRecord(false, false, null, null);
		}
		if (!"00".equals(code)) {
			throw new IllegalStateException("VNPay's query API answered " + code + " for " + order.reference());
		}
		Long amount = answer.get("vnp_Amount") == null || answer.get("vnp_Amount").isEmpty() ? null
				: Long.parseLong(answer.get("vnp_Amount")) / 100;
		return new GatewayRecord(true, "00".equals(answer.get("vnp_TransactionStatus")), amount,
				answer.get("vnp_TransactionNo"));
	}

	/**
	 * The fields' values in the order given, joined with {@code |} (querydr's signed
	 * data).
	 */
	public static String joined(Map<String, String> fields, List<String> names) {
		StringBuilder data = new StringBuilder();
		for (String name : names) {
			if (!data.isEmpty()) {
				data.append('|');
			}
			String v = fields.get(name);
			data.append(v == null ? "" : v);
		}
		return data.toString();
	}

}
