package vn.motcua.reporting.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierResolved;
import vn.motcua.shared.Database;

import static vn.motcua.shared.Sql.utc;

/**
 * Keeps the reporting read model from the dossier events. Each listener runs after the
 * dossier's transaction commits, in a transaction of its own; the event publication
 * registry keeps the event until the listener succeeds, so a crash in between loses
 * nothing. Each event has its own insert-only table, so order does not matter and a
 * repeated event changes nothing; that is also why the listener's transaction need not
 * wait for the disk ({@link Database#commitWithoutWaitingForDisk()}): lost in a crash, it
 * is done again when the registry delivers the event again.
 */
@Component
public class DossierFacts {

	private final JdbcClient jdbc;

	private final Database database;

	DossierFacts(JdbcClient jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	@ApplicationModuleListener
	void on(DossierReceived event) {
		this.database.commitWithoutWaitingForDisk();
		this.jdbc
			.sql(once("report_dossier_received", "code, unit_code, procedure_code, channel, received_at, due_at", 6))
			.params(event.code(), event.unitCode(), event.procedureCode(), event.channel().name(),
					utc(event.receivedAt()), utc(event.dueAt()))
			.update();
	}

	@ApplicationModuleListener
	void on(DossierResolved event) {
		this.database.commitWithoutWaitingForDisk();
		this.jdbc
			.sql(once("report_dossier_resolved",
					"code, unit_code, procedure_code, status, timeliness, received_at, due_at, resolved_at", 8))
			.params(event.code(), event.unitCode(), event.procedureCode(), event.status().name(),
					event.timeliness().name(), utc(event.receivedAt()), utc(event.dueAt()), utc(event.resolvedAt()))
			.update();
	}

	/**
	 * A unit's dossiers in a period: received in it, and resolved in it by how they did.
	 */
	public record Counts(long received, long resolved, long early, long onTime, long late) {
	}

	/** The unit's dossiers received in [from, to) and resolved in [from, to). */
	public Counts counts(String unitCode, Instant from, Instant to) {
		long received = this.jdbc
			.sql("select count(*) from report_dossier_received where unit_code = ?"
					+ " and received_at >= ? and received_at < ?")
			.params(unitCode, utc(from), utc(to))
			.query(Long.class)
			.single();
		return this.jdbc
			.sql("select count(*)," + " coalesce(sum(case when timeliness = 'EARLY' then 1 else 0 end), 0),"
					+ " coalesce(sum(case when timeliness = 'ON_TIME' then 1 else 0 end), 0),"
					+ " coalesce(sum(case when timeliness = 'LATE' then 1 else 0 end), 0)"
					+ " from report_dossier_resolved where unit_code = ? and resolved_at >= ? and resolved_at < ?")
			.params(unitCode, utc(from), utc(to))
			.query((rs, n) -> new Counts(received, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/**
	 * An insert of one row per dossier code that a second delivery of the same event,
	 * even at the same moment, leaves as it is: PostgreSQL's {@code on conflict do
	 * nothing}, H2's {@code merge} on the key (the same values again). A "where not
	 * exists" check raced: two deliveries at once both passed it, and the second failed
	 * on the key, leaving its publication incomplete.
	 */
	private String once(String table, String columns, int count) {
		String values = String.join(", ", java.util.Collections.nCopies(count, "?"));
		return this.database.postgres()
				? "insert into " + table + " (" + columns + ") values (" + values + ") on conflict (code) do nothing"
				: "merge into " + table + " (" + columns + ") key (code) values (" + values + ")";
	}

}
