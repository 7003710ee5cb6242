package vn.motcua.payment;

/**
 * Where a payment order stands; it moves only along {@link PaymentTransitions}. PAID is
 * the one status in which the money was taken; FAILED, EXPIRED and REFUNDED are final.
 */
public enum PaymentStatus {

	/** Made, not yet handed to a gateway (a counter payment goes straight to PAID). */
	CREATED,
	/** The payer was sent to the gateway; its callback (IPN) is awaited. */
	PENDING,
	/** The money was taken: a verified IPN, or the finance officer at the counter. */
	PAID,
	/** The gateway said, in a verified IPN, that the payment did not go through. */
	FAILED,
	/** No verified answer came within the order's lifetime. */
	EXPIRED,
	/** The money was given back by the finance officer. */
	REFUNDED

}
