package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;

import vn.motcua.catalog.core.FeeStage;
import vn.motcua.catalog.core.Fees;

/**
 * A dossier's fee, computed at intake from its procedure's fees and what the applicant
 * said (copies, pages, exempted group), and kept with it: the procedure's later versions
 * do not change it. {@code stage}: where its process waits for payment (ADR 35);
 * {@code paidAt} and {@code paymentReference}: when and by which payment it was paid,
 * null until then. A dossier without a fee has none (null), or an amount of 0 (exempt).
 */
public record DossierFee(long amount, FeeStage stage, Instant paidAt, String paymentReference, List<Fees.FeeLine> lines,
		String applicantGroup) {

	public DossierFee {
		stage = stage == null ? FeeStage.INTAKE : stage;
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

	/** Whether there is something to pay. */
	public boolean due() {
		return this.amount > 0;
	}

	/** Whether it is paid (or there is nothing to pay). */
	public boolean paid() {
		return this.amount <= 0 || this.paidAt != null;
	}

	/** Whether the dossier waits for this fee before the stage goes on. */
	public boolean unpaid() {
		return !paid();
	}

	/** The same fee, paid then by the payment. */
	DossierFee paidBy(String reference, Instant at) {
		return new DossierFee(this.amount, this.stage, at, reference, this.lines, this.applicantGroup);
	}

}
