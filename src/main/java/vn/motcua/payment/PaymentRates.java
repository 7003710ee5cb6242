package vn.motcua.payment;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierFees;

import static vn.motcua.shared.Sql.utc;

/**
 * The online payment rates of Decision 766 (DOMAIN §10, 10 points): A = dossiers paid
 * online ÷ dossiers with fees, B = fee procedures that have had an online payment ÷ fee
 * procedures. The dossiers with fees are those received in the period (the dossier module
 * counts them); the dossiers paid online, those whose online payment was confirmed in the
 * period (a refunded one no longer counts); the fee procedures with an online payment,
 * those with one confirmed up to the period's end.
 */
@Service
public class PaymentRates {

	/** The counts behind the two rates; a rate is null when its denominator is 0. */
	public record Rates(long dossiersWithFees, long dossiersPaidOnline, long feeProcedures,
			long feeProceduresPaidOnline) {

		/**
		 * Dossiers paid online ÷ dossiers with fees, at most 1 (a dossier received before
		 * the period may be paid in it); null without dossiers with fees.
		 */
		public Double paidOnline() {
			return this.dossiersWithFees == 0 ? null
					: Math.min(1.0, (double) this.dossiersPaidOnline / this.dossiersWithFees);
		}

		/**
		 * Fee procedures with an online payment ÷ fee procedures, at most 1; null without
		 * fee procedures.
		 */
		public Double proceduresPaidOnline() {
			return this.feeProcedures == 0 ? null
					: Math.min(1.0, (double) this.feeProceduresPaidOnline / this.feeProcedures);
		}

	}

	private final JdbcClient jdbc;

	private final DossierFees fees;

	PaymentRates(JdbcClient jdbc, DossierFees fees) {
		this.jdbc = jdbc;
		this.fees = fees;
	}

	/** The unit's rates over the period (days in Vietnam's time, both included). */
	@Transactional(readOnly = true)
	public Rates of(String unit, LocalDate from, LocalDate to) {
		var start = utc(from.atStartOfDay(Payments.VIETNAM).toInstant());
		var end = utc(to.plusDays(1).atStartOfDay(Payments.VIETNAM).toInstant());
		long paid = this.jdbc
			.sql("select count(distinct dossier_code) from payment_order where unit_code = ? and method = 'ONLINE'"
					+ " and status = 'PAID' and paid_at >= ? and paid_at < ?")
			.params(unit, start, end)
			.query(Long.class)
			.single();
		long procedures = this.jdbc
			.sql("select count(distinct procedure_code) from payment_order where unit_code = ? and method = 'ONLINE'"
					+ " and status in ('PAID', 'REFUNDED') and paid_at < ?")
			.params(unit, end)
			.query(Long.class)
			.single();
		return new Rates(this.fees.countWithFees(unit, from, to), paid, this.fees.feeProcedures(unit), procedures);
	}

}
