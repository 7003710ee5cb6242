package vn.motcua.payment;

import java.time.Instant;

/**
 * A payment order became PAID (a verified IPN, or a counter payment): published once per
 * such move, in its transaction, also when the dossier had been closed meanwhile (the
 * money was taken; the order is flagged for a refund). The forms module issues the
 * e-receipt from it.
 */
public record PaymentConfirmed(long paymentId, String reference, String dossierCode, String unitCode, long amount,
		PaymentMethod method, Instant paidAt) {

}
