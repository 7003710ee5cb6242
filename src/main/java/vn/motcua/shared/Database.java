package vn.motcua.shared;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which database the application runs on (H2 or PostgreSQL), for the few statements that
 * are written differently on each (see ADR 11), and a commit that need not wait for the
 * disk, for work that is replayed after a crash.
 */
@Component
public class Database {

	private final JdbcClient jdbc;

	private final boolean postgres;

	Database(DataSource dataSource, JdbcClient jdbc) throws MetaDataAccessException {
		this.jdbc = jdbc;
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		this.postgres = "PostgreSQL".equalsIgnoreCase(product);
	}

	/** Whether the database is PostgreSQL (otherwise H2). */
	public boolean postgres() {
		return this.postgres;
	}

	/**
	 * Lets the current transaction commit without waiting for its write-ahead log to
	 * reach the disk (PostgreSQL's {@code synchronous_commit = off}, for this transaction
	 * only). A crash may then lose the transaction, never half of it, and never without
	 * losing every transaction committed after it. Only for work that is done again when
	 * lost: an idempotent event listener, whose publication is completed only after it
	 * commits (a lost listener or completion leaves the publication incomplete, and the
	 * registry delivers the event again), and the registry's own bookkeeping. H2 does not
	 * wait for the disk on commit anyway; there this does nothing.
	 */
	public void commitWithoutWaitingForDisk() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("no transaction to relax");
		}
		if (this.postgres) {
			this.jdbc.sql("set local synchronous_commit to off").update();
		}
	}

}
