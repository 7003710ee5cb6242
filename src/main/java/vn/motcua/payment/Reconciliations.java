package vn.motcua.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.org.Actor;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/**
 * The daily reconciliation (ADR 36): every online order made on a day is compared with
 * what the gateway's query API says about it, and the mismatches are kept for the finance
 * officer: paid at the gateway but not here, paid here but not at the gateway, or paid
 * for another amount. It runs once a day for the day before (02:00 Vietnam time), on one
 * instance: the day's row is claimed by one conditional update, and a claim left by a
 * crashed instance expires ({@code motcua.payment.reconcile-claim}, 30 minutes). It
 * changes no order: a mismatch is for a person to settle.
 */
@Service
public class Reconciliations {

	/** What differs between an order and the gateway's record of it. */
	public enum Kind {

		/** The gateway took the money; the order here is not paid. */
		PAID_AT_GATEWAY_ONLY,
		/** The order here is paid; the gateway has no payment of it. */
		PAID_HERE_ONLY,
		/** Both paid, for different amounts. */
		AMOUNT_DIFFERS

	}

	/** A mismatch found on a day. */
	public record Mismatch(String day, long paymentId, String reference, String unitCode, Kind kind,
			PaymentStatus ourStatus, long ourAmount, String gatewayStatus, Long gatewayAmount, Instant foundAt) {
	}

	/** What a run did: the orders checked and the mismatches found; null when not run. */
	public record Run(int checked, int mismatches) {
	}

	private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Gateway gateway;

	private final Clock clock;

	private final Duration claim;

	Reconciliations(JdbcClient jdbc, TransactionTemplate transactions, Gateway gateway, Clock clock,
			@Value("${motcua.payment.reconcile-claim:PT30M}") Duration claim) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.gateway = gateway;
		this.clock = clock;
		this.claim = claim;
	}

	/** Reconciles yesterday (Vietnam time), once across instances. */
	@Scheduled(cron = "${motcua.payment.reconcile-cron:0 0 2 * * *}", zone = "Asia/Ho_Chi_Minh")
	public void daily() {
		LocalDate yesterday = LocalDate.ofInstant(this.clock.instant(), Payments.VIETNAM).minusDays(1);
		try {
			run(yesterday);
		}
		catch (RuntimeException ex) {
			log.warn("The reconciliation of {} failed (it is claimed again after the claim expires): {}", yesterday,
					ex.getMessage());
		}
	}

	/**
	 * Reconciles the orders made on the day, unless the day was reconciled already or
	 * another instance is at it.
	 * @return what was done, or null when this call did not run it
	 */
	public Run run(LocalDate day) {
		if (!claim(day)) {
			return null;
		}
		Instant from = day.atStartOfDay(Payments.VIETNAM).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(Payments.VIETNAM).toInstant();
		List<Payment> orders = this.jdbc
			.sql("select " + PaymentOrders.COLUMNS + " from payment_order where method = 'ONLINE' and gateway = ?"
					+ " and created_at >= ? and created_at < ? order by id")
			.params(this.gateway.name(), utc(from), utc(to))
			.query((rs, n) -> PaymentOrders.payment(rs))
			.list();
		int mismatches = 0;
		for (Payment p : orders) {
			Gateway.GatewayRecord g = this.gateway.query(p, this.clock.instant());
			Kind kind = compare(p, g);
			if (kind != null && record(day, p, g, kind)) {
				mismatches++;
			}
		}
		int checked = orders.size();
		this.jdbc
			.sql("update payment_reconciliation set done_at = ?, checked = ?, claimed_until = null where recon_day = ?")
			.params(utc(this.clock.instant()), checked, day)
			.update();
		log.info("Reconciled {} online payments of {}: {} mismatches", checked, day, mismatches);
		return new Run(checked, mismatches);
	}

	/** The kind of mismatch between an order and the gateway's record, or null. */
	static Kind compare(Payment p, Gateway.GatewayRecord g) {
		boolean paidHere = p.status() == PaymentStatus.PAID || p.status() == PaymentStatus.REFUNDED;
		if (g.paid() && !paidHere) {
			return Kind.PAID_AT_GATEWAY_ONLY;
		}
		if (paidHere && !g.paid()) {
			return Kind.PAID_HERE_ONLY;
		}
		if (paidHere && (g.amount() == null || g.amount() != p.amount())) {
			return Kind.AMOUNT_DIFFERS;
		}
		return null;
	}

	private boolean claim(LocalDate day) {
		Instant now = this.clock.instant();
		return Boolean.TRUE.equals(this.transactions.execute(status -> {
			try {
				this.jdbc
					.sql("insert into payment_reconciliation (recon_day) select ? where not exists"
							+ " (select 1 from payment_reconciliation where recon_day = ?)")
					.params(day, day)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another instance wrote the row
			}
			return this.jdbc
				.sql("update payment_reconciliation set claimed_until = ? where recon_day = ? and done_at is null"
						+ " and (claimed_until is null or claimed_until < ?)")
				.params(utc(now.plus(this.claim)), day, utc(now))
				.update() == 1;
		}));
	}

	private boolean record(LocalDate day, Payment p, Gateway.GatewayRecord g, Kind kind) {
		try {
			return this.jdbc.sql(
					"insert into payment_mismatch (recon_day, payment_id, reference, unit_code, kind, our_status, our_amount,"
							+ " gateway_status, gateway_amount, found_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(day, p.id(), p.reference(), p.unitCode(), kind.name(), p.status().name(), p.amount(),
						!g.found() ? "NOT_FOUND" : g.paid() ? "PAID" : "UNPAID", g.amount(), utc(this.clock.instant()))
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * The mismatches found at the unit for the day, for its officers and the
	 * administrator.
	 */
	public List<Mismatch> report(Actor actor, String unit, LocalDate day) {
		if (!actor.worksAt(unit)) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED, "The payments of another unit",
					List.of());
		}
		return this.jdbc
			.sql("select recon_day, payment_id, reference, unit_code, kind, our_status, our_amount, gateway_status,"
					+ " gateway_amount, found_at from payment_mismatch where unit_code = ? and recon_day = ? order by id")
			.params(unit, day)
			.query((rs, n) -> new Mismatch(rs.getObject(1, LocalDate.class).toString(), rs.getLong(2), rs.getString(3),
					rs.getString(4), Kind.valueOf(rs.getString(5)), PaymentStatus.valueOf(rs.getString(6)),
					rs.getLong(7), rs.getString(8), rs.getObject(9) == null ? null : rs.getLong(9), instant(rs, 10)))
			.list();
	}

}
