package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.shared.Database;

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

	private final Database database;

	DossierCodes(JdbcClient jdbc, PlatformTransactionManager transactions, Database database) {
		this.jdbc = jdbc;
		this.database = database;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The next code of the unit for the day; call inside the transaction that stores the
	 * dossier.
	 */
	public String next(String unitCode, LocalDate day) {
		Integer value = increment(unitCode, day);
		if (value == null) {
			try {
				this.ownTransaction.executeWithoutResult(status -> this.jdbc
					.sql("insert into dossier_sequence (unit_code, seq_day, last_value) values (?, ?, 0)")
					.params(unitCode, day)
					.update());
			}
			catch (DuplicateKeyException ex) {
				// another instance created the day's row at the same moment: use it
			}
			value = increment(unitCode, day);
			if (value == null) {
				throw new IllegalStateException("no sequence row for " + unitCode + " on " + day);
			}
		}
		if (value > 9999) {
			throw new IllegalStateException("unit " + unitCode + " received more than 9999 dossiers on " + day);
		}
		return unitCode + "-" + DAY.format(day) + "-" + String.format("%04d", value);
	}

	/**
	 * Keeps the counter of a unit's day past an imported dossier's code of that form (ADR
	 * 29), so that the next code given that day is a new one. Codes of another form are
	 * left alone.
	 */
	public void reserve(String unitCode, String code) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile(java.util.regex.Pattern.quote(unitCode) + "-(\\d{6})-(\\d{4})")
			.matcher(code);
		if (!m.matches()) {
			return;
		}
		LocalDate day;
		try {
			day = LocalDate.parse(m.group(1), DAY);
		}
		catch (java.time.format.DateTimeParseException ex) {
			return;
		}
		int value = Integer.parseInt(m.group(2));
		String raise = "update dossier_sequence set last_value = greatest(last_value, ?) where unit_code = ?"
				+ " and seq_day = ?";
		if (this.jdbc.sql(raise).params(value, unitCode, day).update() == 0) {
			try {
				this.ownTransaction.executeWithoutResult(status -> this.jdbc
					.sql("insert into dossier_sequence (unit_code, seq_day, last_value) values (?, ?, 0)")
					.params(unitCode, day)
					.update());
			}
			catch (DuplicateKeyException ex) {
				// created at the same moment by an intake or another import
			}
			this.jdbc.sql(raise).params(value, unitCode, day).update();
		}
	}

	/**
	 * Increments the day's counter and reads its new value in one statement (the
	 * increment's row lock is held until the caller's transaction ends).
	 * @return the new value, or null when the day has no counter row yet
	 */
	private Integer increment(String unitCode, LocalDate day) {
		String sql = this.database.postgres()
				? "update dossier_sequence set last_value = last_value + 1 where unit_code = ? and seq_day = ?"
						+ " returning last_value"
				: "select last_value from final table (update dossier_sequence set last_value = last_value + 1"
						+ " where unit_code = ? and seq_day = ?)";
		return this.jdbc.sql(sql).params(unitCode, day).query(Integer.class).optional().orElse(null);
	}

}
