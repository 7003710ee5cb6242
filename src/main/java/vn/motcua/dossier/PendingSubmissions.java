package vn.motcua.dossier;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/**
 * Online submissions waiting for the code sent to the applicant's e-mail address, in
 * table {@code dossier_pending_submission}: only the code's hash is kept.
 */
@Repository
class PendingSubmissions {

	/** A submission waiting for its code. */
	record Pending(String email, String payload, String codeHash, Instant expiresAt, int attempts) {
	}

	private final JdbcClient jdbc;

	PendingSubmissions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, String unitCode, String email, String payload, String codeHash, Instant expiresAt,
			Instant now) {
		this.jdbc
			.sql("insert into dossier_pending_submission (id, unit_code, email, payload, code_hash, expires_at,"
					+ " attempts, created_at) values (?, ?, ?, ?, ?, ?, 0, ?)")
			.params(id, unitCode, email, payload, codeHash, utc(expiresAt), utc(now))
			.update();
	}

	Optional<Pending> find(String id) {
		return this.jdbc
			.sql("select email, payload, code_hash, expires_at, attempts from dossier_pending_submission"
					+ " where id = ?")
			.param(id)
			.query((rs, n) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
					rs.getInt(5)))
			.optional();
	}

	void countWrongCode(String id) {
		this.jdbc.sql("update dossier_pending_submission set attempts = attempts + 1 where id = ?").param(id).update();
	}

	/**
	 * Deletes the submission; false when another transaction deleted it first (it waits
	 * for that one's lock, then finds no row).
	 */
	boolean delete(String id) {
		return this.jdbc.sql("delete from dossier_pending_submission where id = ?").param(id).update() == 1;
	}

}
