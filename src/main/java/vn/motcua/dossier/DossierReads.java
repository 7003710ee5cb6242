package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.org.Actor;
import vn.motcua.shared.Database;

import static vn.motcua.shared.Sql.utc;

/**
 * The audit of reads (issue 10): every time an officer, a supervisor or the administrator
 * opens a dossier, its history or one of its files, a row says who, what and when
 * ({@code dossier_read}). Each row is written in a transaction of its own, so a read
 * inside a read-only transaction is audited too, and a failed read after it is still on
 * record. The administrator reads a dossier's audit.
 */
@Component
public class DossierReads {

	/** What was read. */
	public enum What {

		DOSSIER, HISTORY, FILE

	}

	/** One read. */
	public record Read(Instant at, String actor, String dossierCode, What what, Long fileId) {
	}

	private final JdbcClient jdbc;

	private final Database database;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	DossierReads(JdbcClient jdbc, Database database, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.database = database;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Records that the actor read (part of) the dossier. */
	public void record(Actor actor, String dossierCode, What what, Long fileId) {
		this.ownTransaction.executeWithoutResult(status -> {
			this.database.commitWithoutWaitingForDisk();
			this.jdbc.sql("insert into dossier_read (at, actor, dossier_code, what, file_id) values (?, ?, ?, ?, ?)")
				.params(utc(this.clock.instant()), actor.username(), dossierCode, what.name(), fileId)
				.update();
		});
	}

	/** The reads of a dossier, newest first, for the administrator. */
	public List<Read> of(Actor actor, String dossierCode) {
		if (!actor.isAdministrator()) {
			throw new vn.motcua.shared.Problem(vn.motcua.shared.Problem.Kind.FORBIDDEN,
					vn.motcua.shared.ProblemCode.FORBIDDEN, "Only the administrator reads who read a dossier",
					List.of());
		}
		return this.jdbc
			.sql("select at, actor, dossier_code, what, file_id from dossier_read where dossier_code = ?"
					+ " order by at desc, id desc")
			.param(dossierCode)
			.query((rs, n) -> new Read(rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
					rs.getString("actor"), rs.getString("dossier_code"), What.valueOf(rs.getString("what")),
					rs.getObject("file_id") == null ? null : rs.getLong("file_id")))
			.list();
	}

}
