package vn.motcua.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import static vn.motcua.shared.Sql.utc;

/**
 * Expires the orders that had no verified answer within their lifetime
 * ({@code motcua.payment.order-lifetime}, 15 minutes, the {@code vnp_ExpireDate} the
 * gateway was given) and a grace ({@code motcua.payment.expiry-grace}, 5 minutes, for an
 * IPN in flight), in batches of a thousand (the ids read, then one conditional update of
 * them), each in its own transaction: several instances may sweep at once, and an IPN
 * racing the sweep either pays the order first (the sweep passes it by) or finds it
 * expired (answered 02, left to the reconciliation).
 */
@Service
public class PaymentSweeps {

	static final int BATCH = 1000;

	/**
	 * The grace after an order's lifetime for an IPN in flight: the sweep, a new start
	 * and a counter payment all wait it out before treating a pending order as expired.
	 */
	static final String GRACE = "${motcua.payment.expiry-grace:PT5M}";

	private static final Logger log = LoggerFactory.getLogger(PaymentSweeps.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration grace;

	PaymentSweeps(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, @Value(GRACE) Duration grace) {
		if (!PaymentTransitions.allowed(PaymentStatus.CREATED, PaymentStatus.EXPIRED)
				|| !PaymentTransitions.allowed(PaymentStatus.PENDING, PaymentStatus.EXPIRED)) {
			throw new IllegalStateException("the sweep's moves are not in PaymentTransitions");
		}
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.grace = grace;
	}

	/**
	 * Expires every created or pending order past its lifetime and the grace.
	 * @return how many this call expired
	 */
	@Scheduled(fixedDelayString = "${motcua.payment.sweep-every:PT1M}",
			initialDelayString = "${motcua.payment.sweep-every:PT1M}")
	public int expire() {
		Instant before = this.clock.instant().minus(this.grace);
		int total = 0;
		while (true) {
			Integer n = this.transactions.execute(status -> {
				List<Long> ids = this.jdbc
					.sql("select id from payment_order where status in ('CREATED', 'PENDING') and expires_at < ?"
							+ " order by expires_at fetch first " + BATCH + " rows only")
					.param(utc(before))
					.query(Long.class)
					.list();
				if (ids.isEmpty()) {
					return -1;
				}
				// each row moves only if still created or pending: a concurrent IPN or
				// another instance's sweep may have moved it since it was read
				return this.jdbc
					.sql("update payment_order set status = 'EXPIRED', live_dossier = null where id in (:ids)"
							+ " and status in ('CREATED', 'PENDING') and expires_at < :before")
					.param("ids", ids)
					.param("before", utc(before))
					.update();
			});
			if (n < 0) {
				break;
			}
			// a batch another instance expired first counts 0 here; the next goes on
			total += n;
		}
		if (total > 0) {
			log.info("Expired {} payment orders", total);
		}
		return total;
	}

}
