package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
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

	/** The oldest submissions created before the instant, at most so many. */
	List<String> createdBefore(Instant before, int max) {
		return this.jdbc
			.sql("select id from dossier_pending_submission where created_at < ? order by created_at, id"
					+ " fetch first " + max + " rows only")
			.param(utc(before))
			.query(String.class)
			.list();
	}

	/**
	 * Deletes the submission if it was created before the instant; false when it was not,
	 * or when another transaction (a sweep on another instance, a late confirmation)
	 * deleted it first.
	 */
	boolean deleteIfCreatedBefore(String id, Instant before) {
		return this.jdbc.sql("delete from dossier_pending_submission where id = ? and created_at < ?")
			.params(id, utc(before))
			.update() == 1;
	}

	/**
	 * Deletes the submission; false when another transaction deleted it first (it waits
	 * for that one's lock, then finds no row).
	 */
	boolean delete(String id) {
		return this.jdbc.sql("delete from dossier_pending_submission where id = ?").param(id).update() == 1;
	}

}
