package vn.motcua.payment;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static vn.motcua.payment.PaymentStatus.CREATED;
import static vn.motcua.payment.PaymentStatus.EXPIRED;
import static vn.motcua.payment.PaymentStatus.FAILED;
import static vn.motcua.payment.PaymentStatus.PAID;
import static vn.motcua.payment.PaymentStatus.PENDING;
import static vn.motcua.payment.PaymentStatus.REFUNDED;

/**
 * The one table of the moves a payment order may make (ADR 36, after pay-connector's
 * {@code PaymentGatewayStateTransitions}). Every move in the code is checked here and
 * made by one conditional update on the status it leaves.
 */
public final class PaymentTransitions {

	private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = new EnumMap<>(PaymentStatus.class);

	static {
		// an online order is handed to the gateway; a counter payment is paid at once
		ALLOWED.put(CREATED, EnumSet.of(PENDING, PAID, FAILED, EXPIRED));
		// only a verified IPN pays or fails it; the sweep expires it
		ALLOWED.put(PENDING, EnumSet.of(PAID, FAILED, EXPIRED));
		// the finance officer gives the money back
		ALLOWED.put(PAID, EnumSet.of(REFUNDED));
		ALLOWED.put(FAILED, EnumSet.noneOf(PaymentStatus.class));
		ALLOWED.put(EXPIRED, EnumSet.noneOf(PaymentStatus.class));
		ALLOWED.put(REFUNDED, EnumSet.noneOf(PaymentStatus.class));
	}

	private PaymentTransitions() {
	}

	/** Whether an order may move from one status to the other. */
	public static boolean allowed(PaymentStatus from, PaymentStatus to) {
		return ALLOWED.get(from).contains(to);
	}

	/** The statuses an order may move to from the one given. */
	public static Set<PaymentStatus> from(PaymentStatus status) {
		return Set.copyOf(ALLOWED.get(status));
	}

	/** Whether no move leaves the status. */
	public static boolean isFinal(PaymentStatus status) {
		return ALLOWED.get(status).isEmpty();
	}

	/** Whether an order in the status holds the dossier (no second order may be made). */
	static boolean live(PaymentStatus status) {
		return status == CREATED || status == PENDING || status == PAID;
	}

}
