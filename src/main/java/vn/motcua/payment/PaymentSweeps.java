package vn.motcua.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
 * IPN in flight), in batches of a thousand, each one conditional update in its own
 * transaction: several instances may sweep at once, and an IPN racing the sweep either
 * pays the order first (the sweep passes it by) or finds it expired (answered 02, left to
 * the reconciliation).
 */
@Service
public class PaymentSweeps {

	static final int BATCH = 1000;

	private static final Logger log = LoggerFactory.getLogger(PaymentSweeps.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration grace;

	PaymentSweeps(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${motcua.payment.expiry-grace:PT5M}") Duration grace) {
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
			Integer n = this.transactions.execute(status -> this.jdbc
				.sql("update payment_order set status = 'EXPIRED', live_dossier = null where id in (select id from"
						+ " payment_order where status in ('CREATED', 'PENDING') and expires_at < ? order by id"
						+ " fetch first " + BATCH + " rows only) and status in ('CREATED', 'PENDING')"
						+ " and expires_at < ?")
				.params(utc(before), utc(before))
				.update());
			total += n;
			// a batch another instance expired first counts 0 here; its next round goes
			// on
			if (n == 0) {
				break;
			}
		}
		if (total > 0) {
			log.info("Expired {} payment orders", total);
		}
		return total;
	}

}
