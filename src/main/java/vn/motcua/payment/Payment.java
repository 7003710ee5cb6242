package vn.motcua.payment;

import java.time.Instant;

/**
 * A payment order of a dossier's fee. {@code amount} in đồng; {@code gateway} and
 * {@code gatewayTransactionNo} for online payments, {@code receiptNumber} and
 * {@code recordedBy} (the finance officer) for counter payments. {@code dossierClosed}:
 * paid online (a verified IPN) after the dossier was closed, so not applied to it: to be
 * refunded by the finance officer.
 */
public record Payment(long id, String reference, String dossierCode, String unitCode, String procedureCode, long amount,
		String currency, PaymentMethod method, String gateway, PaymentStatus status, Instant createdAt,
		Instant expiresAt, Instant paidAt, String gatewayTransactionNo, String receiptNumber, String recordedBy,
		Instant refundedAt, String refundedBy, String refundReason, boolean dossierClosed) {

}
