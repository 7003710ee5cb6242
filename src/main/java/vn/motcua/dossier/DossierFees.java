package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.core.FeeStage;

/**
 * The fee of a dossier, for the payment module (payment depends on dossier, never the
 * other way). Helper B's minimal version with the plan's signatures, so that the payment
 * module compiles and runs before helper A's lands (A's replaces this file whole): the
 * amount is the sum of the procedure version's fees, due at intake, and {@link #paid}
 * records nothing on the dossier.
 */
@Service
public class DossierFees {

	/** Who confirms a payment the gateway reported. */
	public static final String SYSTEM = "system";

	/** What a dossier owes, with who owes it. */
	public record FeeDue(String dossierCode, String unitCode, String procedureCode, String procedureName, long amount,
			FeeStage stage, boolean paid, String applicantName, String applicantIdNumber, String applicantEmail) {
	}

	private final Dossiers dossiers;

	private final Catalog catalog;

	DossierFees(Dossiers dossiers, Catalog catalog) {
		this.dossiers = dossiers;
		this.catalog = catalog;
	}

	/** The fee of the dossier, or empty for no such dossier. */
	@Transactional(readOnly = true)
	public Optional<FeeDue> due(String code) {
		return this.dossiers.find(code).map(d -> {
			DossierState s = d.state();
			long amount = this.catalog.version(s.procedureVersionId)
				.map(p -> p.content().fees().stream().mapToLong(f -> f.amount()).sum())
				.orElse(0L);
			Applicant a = s.applicant;
			return new FeeDue(s.code, s.unitCode, s.procedureCode, s.procedureName, amount, FeeStage.INTAKE, false,
					a.name(), a.idNumber(), a.email());
		});
	}

	/** The fee was paid, as the gateway reported it (confirmed by {@value #SYSTEM}). */
	@Transactional
	public void paid(String code, String paymentReference, String method, Instant at) {
		paid(code, paymentReference, method, at, SYSTEM);
	}

	/**
	 * The fee was paid, confirmed by {@code by} (idempotent, in the caller's
	 * transaction).
	 */
	@Transactional
	public void paid(String code, String paymentReference, String method, Instant at, String by) {
	}

	/** Dossiers received at the unit in the period with a fee. */
	@Transactional(readOnly = true)
	public long countWithFees(String unitCode, LocalDate from, LocalDate to) {
		return 0;
	}

	/** Procedures of the unit that have a fee. */
	@Transactional(readOnly = true)
	public long feeProcedures(String unitCode) {
		return 0;
	}

}
