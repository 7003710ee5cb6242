package vn.motcua.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.dossier.Channel;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.reporting.KpiDossier;

import static vn.motcua.shared.Sql.instant;

/**
 * Reads the reports' own copy of the dossiers ({@code report_dossier}), never the dossier
 * tables: counts and lines for a condition, in the order of their codes.
 */
@Component
public class DossierRows {

	private static final String COLUMNS = "code, unit_code, procedure_code, channel, status, received_at, due_at,"
			+ " resolved_at, timeliness, overdue_day, supplement_requests, apologies";

	private final JdbcClient jdbc;

	DossierRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A condition on {@code report_dossier} with its parameters. */
	public record Where(String sql, List<Object> params) {

		public Where {
			params = List.copyOf(params);
		}

	}

	public long count(Where where) {
		return this.jdbc.sql("select count(*) from report_dossier where " + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/**
	 * The lines of a page, by code; {@code names} gives a procedure's name from its code.
	 */
	public List<KpiDossier> page(Where where, long offset, int limit, Function<String, String> names) {
		List<Object> params = new ArrayList<>(where.params());
		params.add(limit);
		params.add(offset);
		return this.jdbc
			.sql("select " + COLUMNS + " from report_dossier where " + where.sql() + " order by code limit ? offset ?")
			.params(params)
			.query((rs, n) -> line(rs, names))
			.list();
	}

	/** Up to {@code limit} lines after the code {@code after} (null: from the first). */
	public List<KpiDossier> after(Where where, String after, int limit, Function<String, String> names) {
		List<Object> params = new ArrayList<>(where.params());
		String sql = "select " + COLUMNS + " from report_dossier where (" + where.sql() + ")";
		if (after != null) {
			sql += " and code > ?";
			params.add(after);
		}
		params.add(limit);
		return this.jdbc.sql(sql + " order by code limit ?").params(params).query((rs, n) -> line(rs, names)).list();
	}

	private static KpiDossier line(ResultSet rs, Function<String, String> names) throws SQLException {
		String procedure = rs.getString(3);
		String timeliness = rs.getString(9);
		return new KpiDossier(rs.getString(1), rs.getString(2), procedure, names.apply(procedure),
				Channel.valueOf(rs.getString(4)), DossierStatus.valueOf(rs.getString(5)), instant(rs, 6),
				instant(rs, 7), instant(rs, 8), timeliness == null ? null : Timeliness.valueOf(timeliness),
				rs.getObject(10, LocalDate.class), rs.getInt(11), rs.getInt(12));
	}

}
