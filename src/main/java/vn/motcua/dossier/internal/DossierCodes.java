package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dossier codes {@code <unit e-identifier>-<YYMMDD>-<NNNN>} (DOMAIN §5) from a per-unit,
 * per-day counter row in the database: the caller's transaction increments it, holding
 * the row's lock until it commits, so codes are unique and gap-free across threads and
 * application instances. The day's row is created first in a transaction of its own,
 * where a concurrent creation is harmless.
 */
@Component
public class DossierCodes {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	DossierCodes(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The next code of the unit for the day; call inside the transaction that stores the
	 * dossier.
	 */
	public String next(String unitCode, LocalDate day) {
		int updated = increment(unitCode, day);
		if (updated == 0) {
			try {
				this.ownTransaction.executeWithoutResult(status -> this.jdbc
					.sql("insert into dossier_sequence (unit_code, seq_day, last_value) values (?, ?, 0)")
					.params(unitCode, day)
					.update());
			}
			catch (DuplicateKeyException ex) {
				// another instance created the day's row at the same moment: use it
			}
			updated = increment(unitCode, day);
			if (updated == 0) {
				throw new IllegalStateException("no sequence row for " + unitCode + " on " + day);
			}
		}
		int value = this.jdbc.sql("select last_value from dossier_sequence where unit_code = ? and seq_day = ?")
			.params(unitCode, day)
			.query(Integer.class)
			.single();
		if (value > 9999) {
			throw new IllegalStateException("unit " + unitCode + " received more than 9999 dossiers on " + day);
		}
		return unitCode + "-" + DAY.format(day) + "-" + String.format("%04d", value);
	}

	private int increment(String unitCode, LocalDate day) {
		return this.jdbc
			.sql("update dossier_sequence set last_value = last_value + 1 where unit_code = ? and seq_day = ?")
			.params(unitCode, day)
			.update();
	}

}
