package vn.motcua.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static vn.motcua.shared.Sql.utc;

/**
 * How often the public may try what can be guessed or abused (ADR 17), counted in the
 * database ({@code rate_limit_counter}) so that every instance of the application counts
 * in the same place and nothing is held in memory. Each {@link Budget} has its own count,
 * per client address or per dossier code, in fixed windows (e.g. 30 look-ups per address
 * from 10:00 to 10:10); a used-up budget answers {@link RateLimited} (HTTP 429) until its
 * window ends. Each count is one atomic statement (an upsert on PostgreSQL, an
 * update-or-insert on H2) in a transaction of its own that need not wait for the disk: a
 * count lost in a crash only gives a few more tries. A sweep deletes the windows that
 * have passed; it may run on every instance at once.
 */
@Component
public class RateLimits {

	/** The longest subject kept as it is; longer ones (or odd ones) are kept hashed. */
	static final int MAX_SUBJECT = 100;

	private static final Pattern PLAIN = Pattern.compile("[\\p{Alnum}.:_%\\-\\[\\]]{1,100}");

	/** Windows start at Vietnam's midnight (UTC+7), so that a day's window is a day. */
	private static final long ZONE_SECONDS = 7 * 3600;

	private record Setting(int limit, Duration window) {
	}

	private final JdbcClient jdbc;

	private final Database database;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final Map<Budget, Setting> settings = new EnumMap<>(Budget.class);

	public RateLimits(JdbcClient jdbc, Database database, Clock clock, PlatformTransactionManager transactions,
			Environment environment) {
		this.jdbc = jdbc;
		this.database = database;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		for (Budget budget : Budget.values()) {
			String prefix = "motcua.limits." + budget.key() + ".";
			int limit = environment.getProperty(prefix + "limit", Integer.class, budget.defaultLimit());
			Duration window = environment.getProperty(prefix + "window", Duration.class, budget.defaultWindow());
			if (limit < 1 || window.toSeconds() < 1) {
				throw new IllegalArgumentException(
						prefix + "limit must be at least 1 and " + prefix + "window at least a second");
			}
			this.settings.put(budget, new Setting(limit, window));
		}
	}

	public int limit(Budget budget) {
		return this.settings.get(budget).limit();
	}

	public Duration window(Budget budget) {
		return this.settings.get(budget).window();
	}

	/**
	 * Counts an attempt against the subject's budget (e.g. a client address).
	 * @throws RateLimited when the budget was used up already in this window
	 */
	public void acquire(Budget budget, String subject) {
		Instant now = this.clock.instant();
		Instant start = windowStart(budget, now);
		if (hit(budget, key(subject), start) > limit(budget)) {
			throw limited(budget, start, now);
		}
	}

	/**
	 * Refuses when the subject's budget is used up, counting nothing: for a budget that
	 * counts failures only ({@link #count}).
	 * @throws RateLimited when the budget is used up in this window
	 */
	public void check(Budget budget, String subject) {
		Instant now = this.clock.instant();
		Instant start = windowStart(budget, now);
		if (hits(budget, key(subject), start) >= limit(budget)) {
			throw limited(budget, start, now);
		}
	}

	/** Counts a failure against the subject's budget, refusing nothing. */
	public void count(Budget budget, String subject) {
		hit(budget, key(subject), windowStart(budget, this.clock.instant()));
	}

	/** Clears the subject's count in the current window (e.g. after a success). */
	public void reset(Budget budget, String subject) {
		this.jdbc.sql("delete from rate_limit_counter where budget = ? and subject = ? and window_start = ?")
			.params(budget.key(), key(subject), utc(windowStart(budget, this.clock.instant())))
			.update();
	}

	/**
	 * A citizen's proof of a dossier by its code and four digits (a look-up, a rating):
	 * counts the attempt against the address's {@code budget}, refuses when the dossier's
	 * {@link Budget#WRONG_DIGITS} are used up, and counts a failed proof (a
	 * {@link Problem.Kind#NOT_FOUND}: no such code, or wrong digits) against them. Other
	 * failures (not returned yet, rated already) count nothing more.
	 * @throws RateLimited when either budget is used up
	 */
	public <T> T proving(Budget budget, String address, String code, Supplier<T> proof) {
		// the address's count and the dossier's check in one transaction of their own
		// (one
		// connection, one commit); the proof in its own, whose failure must not undo them
		String dossier = key(code);
		RateLimited refused = this.ownTransaction.execute(status -> {
			this.database.commitWithoutWaitingForDisk();
			Instant now = this.clock.instant();
			Instant start = windowStart(budget, now);
			if (increment(budget, key(address), start) > limit(budget)) {
				return limited(budget, start, now);
			}
			Instant dossierStart = windowStart(Budget.WRONG_DIGITS, now);
			if (hits(Budget.WRONG_DIGITS, dossier, dossierStart) >= limit(Budget.WRONG_DIGITS)) {
				return limited(Budget.WRONG_DIGITS, dossierStart, now);
			}
			return null;
		});
		if (refused != null) {
			throw refused;
		}
		try {
			return proof.get();
		}
		catch (Problem ex) {
			if (ex.kind() == Problem.Kind.NOT_FOUND) {
				count(Budget.WRONG_DIGITS, code);
			}
			throw ex;
		}
	}

	/** Deletes the windows that have passed. */
	@Scheduled(fixedDelayString = "${motcua.limits.sweep-every:PT10M}",
			initialDelayString = "${motcua.limits.sweep-every:PT10M}")
	public int sweep() {
		return this.jdbc.sql("delete from rate_limit_counter where expires_at <= ?")
			.param(utc(this.clock.instant()))
			.update();
	}

	private RateLimited limited(Budget budget, Instant start, Instant now) {
		Duration left = Duration.between(now, start.plus(window(budget)));
		return new RateLimited(budget, limit(budget), window(budget),
				left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left);
	}

	/**
	 * The start of the window the instant falls in: whole windows from a Vietnamese
	 * midnight.
	 */
	Instant windowStart(Budget budget, Instant now) {
		long size = window(budget).toSeconds();
		long local = now.getEpochSecond() + ZONE_SECONDS;
		return Instant.ofEpochSecond(Math.floorDiv(local, size) * size - ZONE_SECONDS);
	}

	/**
	 * The subject as stored: as it is when short and plain (an address, a dossier code),
	 * else its hash, so that no text a client chose (a control character, a megabyte)
	 * reaches the table.
	 */
	static String key(String subject) {
		String s = subject == null ? "" : subject;
		if (PLAIN.matcher(s).matches()) {
			return s;
		}
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Adds one to the window's count, in a transaction of its own, and answers it. */
	private int hit(Budget budget, String subject, Instant start) {
		Integer hits = this.ownTransaction.execute(status -> {
			this.database.commitWithoutWaitingForDisk();
			return increment(budget, subject, start);
		});
		return hits == null ? 0 : hits;
	}

	private int hits(Budget budget, String subject, Instant start) {
		return this.jdbc
			.sql("select hits from rate_limit_counter where budget = ? and subject = ? and window_start = ?")
			.params(budget.key(), subject, utc(start))
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** Adds one to the window's count in the current transaction and answers it. */
	private int increment(Budget budget, String subject, Instant start) {
		Object[] keys = { budget.key(), subject, utc(start) };
		if (this.database.postgres()) {
			return this.jdbc
				.sql("insert into rate_limit_counter (budget, subject, window_start, hits, expires_at)"
						+ " values (?, ?, ?, 1, ?) on conflict (budget, subject, window_start)"
						+ " do update set hits = rate_limit_counter.hits + 1 returning hits")
				.params(keys[0], keys[1], keys[2], utc(start.plus(window(budget))))
				.query(Integer.class)
				.single();
		}
		if (increment(keys) == 0) {
			try {
				this.jdbc
					.sql("insert into rate_limit_counter (budget, subject, window_start, hits, expires_at)"
							+ " values (?, ?, ?, 1, ?)")
					.params(keys[0], keys[1], keys[2], utc(start.plus(window(budget))))
					.update();
				return 1;
			}
			catch (DuplicateKeyException ex) {
				// another request inserted the window's row first: count on it
				increment(keys);
			}
		}
		return hits(budget, subject, start);
	}

	private int increment(Object[] keys) {
		return this.jdbc
			.sql("update rate_limit_counter set hits = hits + 1 where budget = ? and subject = ? and window_start = ?")
			.params(keys)
			.update();
	}

}
