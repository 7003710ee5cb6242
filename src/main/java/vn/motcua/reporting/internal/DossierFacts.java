package vn.motcua.reporting.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.DossierReceived;
import vn.motcua.dossier.DossierResolved;

/**
 * Keeps {@code report_dossier} from the dossier events. Each listener runs after the
 * dossier's transaction commits, in a transaction of its own; the event publication
 * registry keeps the event until the listener succeeds, so a crash in between loses
 * nothing. Both listeners are idempotent.
 */
@Component
public class DossierFacts {

	private final JdbcClient jdbc;

	DossierFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(DossierReceived event) {
		int known = this.jdbc.sql("select count(*) from report_dossier where code = ?")
			.param(event.code())
			.query(Integer.class)
			.single();
		if (known == 0) {
			this.jdbc
				.sql("insert into report_dossier (code, unit_code, procedure_code, channel, received_at, due_at)"
						+ " values (?, ?, ?, ?, ?, ?)")
				.params(event.code(), event.unitCode(), event.procedureCode(), event.channel().name(),
						utc(event.receivedAt()), utc(event.dueAt()))
				.update();
		}
	}

	@ApplicationModuleListener
	void on(DossierResolved event) {
		int updated = this.jdbc
			.sql("update report_dossier set resolved_at = ?, status = ?, timeliness = ?, due_at = ?"
					+ " where code = ?")
			.params(utc(event.resolvedAt()), event.status().name(),
					event.timeliness() == null ? null : event.timeliness().name(), utc(event.dueAt()), event.code())
			.update();
		if (updated == 0) {
			// the received event is still on its way: the registry retries this one later
			throw new IllegalStateException("dossier " + event.code() + " is not in the read model yet");
		}
	}

	/** received, resolved, early, on time, late of the unit in [from, to). */
	public long[] counts(String unitCode, Instant from, Instant to) {
		return this.jdbc.sql("select"
				+ " coalesce(sum(case when received_at >= :from and received_at < :to then 1 else 0 end), 0),"
				+ " coalesce(sum(case when resolved_at >= :from and resolved_at < :to then 1 else 0 end), 0),"
				+ " coalesce(sum(case when resolved_at >= :from and resolved_at < :to and timeliness = 'EARLY' then 1 else 0 end), 0),"
				+ " coalesce(sum(case when resolved_at >= :from and resolved_at < :to and timeliness = 'ON_TIME' then 1 else 0 end), 0),"
				+ " coalesce(sum(case when resolved_at >= :from and resolved_at < :to and timeliness = 'LATE' then 1 else 0 end), 0)"
				+ " from report_dossier where unit_code = :unit")
			.param("unit", unitCode)
			.param("from", utc(from))
			.param("to", utc(to))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) })
			.single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
