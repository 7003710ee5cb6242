package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes online submissions whose code was never typed (abandoned), with the code's hash
 * and the scans kept for them, once they are older than
 * {@code motcua.submissions.abandoned-after} (default a day; at least the code's 15
 * minutes), by a sweep every {@code motcua.submissions.sweep-every} (default 15 minutes).
 * The sweep may run on every instance at once (ADR 24): each submission is deleted by one
 * conditional statement in a transaction of its own, and only the transaction that
 * deleted the row drops its scans; the others find no row and move on. A confirmation
 * racing the sweep finds the code expired already.
 */
@Component
public class AbandonedSubmissions {

	/** Submissions taken per round, oldest first; the next round takes the rest. */
	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(AbandonedSubmissions.class);

	private final PendingSubmissions pending;

	private final DossierFiles files;

	private final Clock clock;

	private final Duration after;

	private final TransactionTemplate ownTransaction;

	AbandonedSubmissions(PendingSubmissions pending, DossierFiles files, Clock clock,
			PlatformTransactionManager transactions,
			@Value("${motcua.submissions.abandoned-after:P1D}") Duration after) {
		if (after.compareTo(OnlineSubmissions.VALID_FOR) < 0) {
			throw new IllegalArgumentException("motcua.submissions.abandoned-after must be at least "
					+ OnlineSubmissions.VALID_FOR + ", how long a code is valid");
		}
		this.pending = pending;
		this.files = files;
		this.clock = clock;
		this.after = after;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Scheduled(fixedDelayString = "${motcua.submissions.sweep-every:PT15M}",
			initialDelayString = "${motcua.submissions.sweep-every:PT15M}")
	void scheduled() {
		int swept = sweep();
		if (swept > 0) {
			log.info("Deleted {} abandoned online submissions and their files", swept);
		}
	}

	/**
	 * Deletes the abandoned submissions and their scans; answers how many this call
	 * deleted (not those another instance deleted at the same time).
	 */
	public int sweep() {
		Instant before = this.clock.instant().minus(this.after);
		int swept = 0;
		List<String> ids;
		do {
			ids = this.pending.createdBefore(before, BATCH);
			for (String id : ids) {
				Boolean deleted = this.ownTransaction.execute(status -> {
					if (!this.pending.deleteIfCreatedBefore(id, before)) {
						return false;
					}
					this.files.discard(OnlineSubmissions.pendingKey(id));
					return true;
				});
				if (Boolean.TRUE.equals(deleted)) {
					swept++;
				}
			}
		}
		while (ids.size() == BATCH);
		return swept;
	}

}
