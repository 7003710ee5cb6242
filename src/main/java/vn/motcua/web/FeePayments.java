package vn.motcua.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.motcua.catalog.core.FeeStage;
import vn.motcua.dossier.DossierFees;
import vn.motcua.forms.IssuedDocument;
import vn.motcua.forms.IssuedDocuments;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.Payments;

/**
 * What the citizen's pages show of a dossier's fee, and the start of its online payment:
 * the amount, the stage its process waits at, whether it is paid, the idempotency key the
 * pay form carries (made when the form is shown, so that a double click makes one order,
 * ADR 36), and the e-receipts issued. One place for the look-up and "my dossiers".
 */
@Component
class FeePayments {

	/**
	 * A dossier's fee as the applicant sees it. {@code key}: the idempotency key of the
	 * pay form; {@code payable}: the button is shown (a fee due, not paid).
	 */
	record Offer(String code, long amount, FeeStage stage, boolean paid, String key, List<IssuedDocument> receipts) {

		public boolean payable() {
			return !this.paid && this.amount > 0;
		}

	}

	private final DossierFees fees;

	private final Payments payments;

	private final IssuedDocuments issued;

	FeePayments(DossierFees fees, Payments payments, IssuedDocuments issued) {
		this.fees = fees;
		this.payments = payments;
		this.issued = issued;
	}

	/** The dossier's fee, or null when it has none to show (no fee, or 0 đồng). */
	Offer offer(String code) {
		Optional<DossierFees.FeeDue> due = this.fees.due(code);
		List<IssuedDocument> receipts = this.issued.eReceipts(code);
		List<Payment> orders = this.payments.ofDossier(code);
		boolean paidHere = orders.stream().anyMatch(p -> p.status() == PaymentStatus.PAID);
		if (due.isEmpty() || due.get().amount() <= 0) {
			Optional<Payment> paid = orders.stream().filter(p -> p.status() == PaymentStatus.PAID).findFirst();
			// a fee paid may no longer be "due" (a closed dossier): still show its
			// receipt
			return paid.map(p -> new Offer(code, p.amount(), null, true, null, receipts)).orElse(null);
		}
		DossierFees.FeeDue d = due.get();
		return new Offer(d.dossierCode(), d.amount(), d.stage(), d.paid() || paidHere, UUID.randomUUID().toString(),
				receipts);
	}

	/**
	 * Starts (or gives again, for the same key) the online payment of the dossier's fee;
	 * where to send the payer, or empty when the order is not open (paid meanwhile).
	 */
	Optional<URI> start(String code, String key, String payerIp) {
		return Optional.ofNullable(this.payments.startOnline(code, key, payerIp).redirect());
	}

}
