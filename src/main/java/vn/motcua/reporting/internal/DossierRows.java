package vn.motcua.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

	/** Reads a long list in rounds of a thousand rows from one query (a cursor). */
	private final JdbcTemplate streaming;

	DossierRows(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
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

	/**
	 * Every line, by code, from one query read a thousand rows at a time (in the caller's
	 * transaction: PostgreSQL keeps a cursor only in one), never all in memory.
	 */
	public void each(Where where, Function<String, String> names, Consumer<KpiDossier> each) {
		this.streaming.query("select " + COLUMNS + " from report_dossier where " + where.sql() + " order by code",
				(RowCallbackHandler) rs -> each.accept(line(rs, names)), where.params().toArray());
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
