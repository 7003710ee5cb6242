package vn.motcua.reporting;

import java.util.List;

import vn.motcua.payment.PaymentRates;

/**
 * The online payment rates of a unit (or units) for a period (Decision 766, DOMAIN §10;
 * ADR 36), each an exact numerator over its denominator, summed over the units; a rate is
 * their quotient, null ("chưa đo được") when there is nothing to divide by.
 * <ul>
 * <li>{@code dossiersPaidOnline} ÷ {@code dossiersWithFees}: dossiers whose fee was paid
 * online in the period, over the dossiers with a fee received in it;</li>
 * <li>{@code feeProceduresPaidOnline} ÷ {@code feeProcedures}: fee procedures that have
 * had an online payment, over the procedures with a fee.</li>
 * </ul>
 */
public record OnlinePaymentRates(long dossiersWithFees, long dossiersPaidOnline, Double paidOnlineRate,
		long feeProcedures, long feeProceduresPaidOnline, Double proceduresPaidOnlineRate) {

	/** The rates of the units' counts, summed. */
	public static OnlinePaymentRates of(List<PaymentRates.Rates> units) {
		long withFees = 0;
		long paid = 0;
		long procedures = 0;
		long proceduresPaid = 0;
		for (PaymentRates.Rates r : units) {
			withFees += r.dossiersWithFees();
			paid += r.dossiersPaidOnline();
			procedures += r.feeProcedures();
			proceduresPaid += r.feeProceduresPaidOnline();
		}
		return new OnlinePaymentRates(withFees, paid, rate(paid, withFees), procedures, proceduresPaid,
				rate(proceduresPaid, procedures));
	}

	/** At most 1: a dossier received before the period may be paid in it. */
	private static Double rate(long part, long whole) {
		return whole == 0 ? null : Math.min(1.0, (double) part / whole);
	}

}
