package vn.motcua.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.shared.Database;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/**
 * The answers to API requests sent with an {@code Idempotency-Key} (ADR 25), kept in the
 * database ({@code api_idempotency}) per caller and key, so that every instance answers a
 * retry the same way. A request first {@link #claim claims} its key in a transaction of
 * its own; the claim holds for a lease ({@code motcua.idempotency.lease}, 30 s), after
 * which a retry may take it over (the instance that held it crashed). The answer is
 * {@link #complete completed} in the transaction that makes the request's change, and
 * only by the claim's owner: a request whose claim was taken over meanwhile cannot
 * complete, so its change is rolled back and the key's change is made once. Answers
 * expire after {@code motcua.idempotency.expiry} (24 h); a sweep, safe on every instance
 * at once, deletes them.
 */
@Component
class IdempotentRequests {

	/** An answer kept for a key. */
	record Answer(int status, String contentType, String location, String body) {
	}

	/** What a claim found. */
	sealed interface Claim {

	}

	/** The key is this request's now; {@code owner} completes or releases it. */
	record Owned(String owner) implements Claim {
	}

	/** The key's request was answered: the answer to give again. */
	record Replay(Answer answer) implements Claim {
	}

	/** The key was used for a different request. */
	record Mismatch() implements Claim {
	}

	/** The key's request is still being carried out (on this or another instance). */
	record Busy() implements Claim {
	}

	private final JdbcClient jdbc;

	private final Database database;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final Duration lease;

	private final Duration expiry;

	IdempotentRequests(JdbcClient jdbc, Database database, Clock clock, PlatformTransactionManager transactions,
			@Value("${motcua.idempotency.lease:PT30S}") Duration lease,
			@Value("${motcua.idempotency.expiry:PT24H}") Duration expiry) {
		if (lease.toMillis() < 1000 || expiry.compareTo(lease) <= 0) {
			throw new IllegalArgumentException(
					"motcua.idempotency.lease must be at least a second and motcua.idempotency.expiry longer");
		}
		this.jdbc = jdbc;
		this.database = database;
		this.clock = clock;
		this.lease = lease;
		this.expiry = expiry;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Claims the caller's key for a request with the hash, in a transaction of its own.
	 */
	Claim claim(String principal, String key, String hash) {
		try {
			return this.ownTransaction.execute(status -> claimNow(principal, key, hash));
		}
		catch (ConcurrencyFailureException ex) {
			// H2: the row is locked by a request completing it right now (a lock timeout
			// or
			// a concurrent update)
			return new Busy();
		}
	}

	private Claim claimNow(String principal, String key, String hash) {
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from api_idempotency where principal = ? and idem_key = ? and expires_at <= ?")
			.params(principal, key, utc(now))
			.update();
		String owner = UUID.randomUUID().toString();
		if (insert(principal, key, hash, owner, now)) {
			return new Owned(owner);
		}
		Row row = this.jdbc
			.sql("select request_hash, owner, locked_until, status, content_type, location, body from api_idempotency"
					+ " where principal = ? and idem_key = ?")
			.params(principal, key)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), instant(rs, 3), (Integer) rs.getObject(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.optional()
			.orElse(null);
		if (row == null) {
			// H2: a concurrent claim not committed yet
			return new Busy();
		}
		if (!row.hash().equals(hash)) {
			return new Mismatch();
		}
		if (row.status() != null) {
			return new Replay(new Answer(row.status(), row.contentType(), row.location(), row.body()));
		}
		if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
			return new Busy();
		}
		// the claim's lease has passed: its instance crashed or gave up; take it over
		int taken = this.jdbc
			.sql("update api_idempotency set owner = ?, locked_until = ? where principal = ? and idem_key = ?"
					+ " and status is null and owner = ?")
			.params(owner, utc(now.plus(this.lease)), principal, key, row.owner())
			.update();
		return taken == 1 ? new Owned(owner) : new Busy();
	}

	private record Row(String hash, String owner, Instant lockedUntil, Integer status, String contentType,
			String location, String body) {
	}

	private boolean insert(String principal, String key, String hash, String owner, Instant now) {
		Object[] values = { principal, key, hash, owner, utc(now.plus(this.lease)), utc(now),
				utc(now.plus(this.expiry)) };
		String columns = "insert into api_idempotency (principal, idem_key, request_hash, owner, locked_until,"
				+ " created_at, expires_at) ";
		if (this.database.postgres()) {
			// waits for a concurrent claim of the key to commit or roll back
			return this.jdbc.sql(columns + "values (?, ?, ?, ?, ?, ?, ?) on conflict (principal, idem_key) do nothing")
				.params(values)
				.update() == 1;
		}
		try {
			return this.jdbc
				.sql(columns + "select ?, ?, ?, ?, ?, ?, ? where not exists"
						+ " (select 1 from api_idempotency where principal = ? and idem_key = ?)")
				.params(values[0], values[1], values[2], values[3], values[4], values[5], values[6], principal, key)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Keeps the answer for the key, in the caller's transaction (the one that made the
	 * request's change).
	 * @return whether the claim was still the owner's: if not, the caller must roll back
	 */
	boolean complete(String principal, String key, String owner, Answer answer) {
		return this.jdbc
			.sql("update api_idempotency set status = ?, content_type = ?, location = ?, body = ?, owner = null,"
					+ " locked_until = null where principal = ? and idem_key = ? and owner = ? and status is null")
			.params(answer.status(), answer.contentType(), answer.location(), answer.body(), principal, key, owner)
			.update() == 1;
	}

	/**
	 * Gives up the owner's claim (its request failed and changed nothing), in a
	 * transaction of its own, so that a retry runs the request again.
	 */
	void release(String principal, String key, String owner) {
		try {
			this.ownTransaction.executeWithoutResult(status -> this.jdbc.sql(
					"delete from api_idempotency where principal = ? and idem_key = ? and owner = ? and status is null")
				.params(principal, key, owner)
				.update());
		}
		catch (DataAccessException ex) {
			// the claim's lease ends anyway
		}
	}

	/** Deletes the answers that have expired. */
	@Scheduled(fixedDelayString = "${motcua.idempotency.sweep-every:PT10M}",
			initialDelayString = "${motcua.idempotency.sweep-every:PT10M}")
	int sweep() {
		return this.jdbc.sql("delete from api_idempotency where expires_at <= ?")
			.param(utc(this.clock.instant()))
			.update();
	}

}
