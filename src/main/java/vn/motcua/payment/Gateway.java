package vn.motcua.payment;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A payment gateway, as the payment orders see it (ADR 36, 37): where to send the payer,
 * how to read (and verify) its callbacks, how to answer them in its protocol, and what it
 * says about an order when asked (for the reconciliation). VNPay 2.1.0 is the first; a
 * second (the national portal's PAYGOV) fits on paper.
 */
public interface Gateway {

	/** The gateway's name, as stored with each order ({@code VNPAY}). */
	String name();

	/** Our merchant account at the gateway, which its callbacks must name. */
	String merchant();

	/** Where the payer is sent to pay the order, signed. */
	URI redirect(Payment order, String payerIp, Instant now);

	/**
	 * The callback's fields as the gateway sent them, with whether its signature is the
	 * gateway's. Nothing else is checked here: the caller checks merchant, order, amount
	 * and currency against its own order before anything changes.
	 */
	Callback read(Map<String, String> fields);

	/** The answer the gateway's protocol expects to a callback of that outcome. */
	IpnAnswer answer(CallbackOutcome outcome);

	/** What the gateway's query API says about the order. */
	GatewayRecord query(Payment order, Instant now);

	/**
	 * A callback (IPN or return) read. {@code signed}: the signature is the gateway's
	 * (the other fields mean nothing otherwise); {@code merchant}: whose account it is
	 * for; {@code amount} in đồng (null when not a whole number of đồng);
	 * {@code currency} (VND when the protocol does not say); {@code success}: the money
	 * was taken.
	 */
	record Callback(boolean signed, String merchant, String reference, Long amount, String currency, boolean success,
			String transactionNo, String responseCode) {

	}

	/**
	 * The gateway's record of an order: {@code found} at all, {@code paid} (the money was
	 * taken), the amount in đồng and the gateway's transaction number.
	 */
	record GatewayRecord(boolean found, boolean paid, Long amount, String transactionNo) {

	}

	/** What came of a callback, which the gateway's protocol words in its own codes. */
	enum CallbackOutcome {

		/** Verified and applied (a payment, or a failure, recorded). */
		CONFIRMED,
		/** No order has the reference. */
		ORDER_NOT_FOUND,
		/** The order is no longer pending: nothing changed. */
		ALREADY_CONFIRMED,
		/** The amount or currency is not the order's. */
		INVALID_AMOUNT,
		/** The signature is not the gateway's. */
		INVALID_SIGNATURE,
		/** Anything else (another merchant, a failure on our side). */
		OTHER

	}

}
