package vn.motcua.reporting.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static vn.motcua.shared.Sql.utc;

/**
 * A unit's received dossiers as the reports last saw them ({@code report_dossier}, kept
 * by {@link KpiKeeper}), counted between two instants.
 */
@Component
public class DossierFacts {

	private final JdbcClient jdbc;

	DossierFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A unit's dossiers in a period: received in it, and resolved in it by how they did.
	 */
	public record Counts(long received, long resolved, long early, long onTime, long late) {
	}

	/** The unit's dossiers received in [from, to) and resolved in [from, to). */
	public Counts counts(String unitCode, Instant from, Instant to) {
		long received = this.jdbc
			.sql("select count(*) from report_dossier where unit_code = ? and received_at >= ? and received_at < ?")
			.params(unitCode, utc(from), utc(to))
			.query(Long.class)
			.single();
		return this.jdbc
			.sql("select count(*)," + " coalesce(sum(case when timeliness = 'EARLY' then 1 else 0 end), 0),"
					+ " coalesce(sum(case when timeliness = 'ON_TIME' then 1 else 0 end), 0),"
					+ " coalesce(sum(case when timeliness = 'LATE' then 1 else 0 end), 0)"
					+ " from report_dossier where unit_code = ? and resolved_at >= ? and resolved_at < ?")
			.params(unitCode, utc(from), utc(to))
			.query((rs, n) -> new Counts(received, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

}
