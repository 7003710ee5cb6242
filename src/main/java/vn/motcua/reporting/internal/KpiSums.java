package vn.motcua.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.motcua.reporting.Measure;

/**
 * Sums of the KPI count tables over a range of days (ADR 30): the whole months in it from
 * the month tables, the days at its edges from the day tables, so that a year reads
 * twelve rows a unit and a few days. The headline sums read the unit tables; a breakdown
 * by procedure or channel reads the detail tables.
 */
@Component
public class KpiSums {

	/** What the sums are grouped by. */
	public enum Group {

		NONE(null, false), UNIT("unit_code", false), PROCEDURE("procedure_code", true), CHANNEL("channel", true);

		private final String column;

		private final boolean detail;

		Group(String column, boolean detail) {
			this.column = column;
			this.detail = detail;
		}

	}

	/** The start of a range that has none: before any dossier. */
	public static final LocalDate EVER = LocalDate.of(1900, 1, 1);

	private static final String SUMS = String.join(", ",
			Arrays.stream(Measure.values()).map(m -> "coalesce(sum(" + m.column() + "), 0)").toList());

	private final JdbcClient jdbc;

	KpiSums(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The sums of each measure over the days [from, to] for the units, by group key (""
	 * for {@link Group#NONE}); indexed by {@link Measure#ordinal()}.
	 */
	public Map<String, long[]> sum(List<String> units, LocalDate from, LocalDate to, Group group) {
		Map<String, long[]> sums = new LinkedHashMap<>();
		if (units.isEmpty() || to.isBefore(from)) {
			return sums;
		}
		LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate lastWhole = to.equals(to.withDayOfMonth(to.lengthOfMonth())) ? to.withDayOfMonth(1)
				: to.withDayOfMonth(1).minusMonths(1);
		if (firstWhole.isAfter(lastWhole)) {
			add(sums, units, group, false, from, to);
		}
		else {
			add(sums, units, group, true, firstWhole, lastWhole);
			if (from.isBefore(firstWhole)) {
				add(sums, units, group, false, from, firstWhole.minusDays(1));
			}
			LocalDate afterWhole = lastWhole.plusMonths(1);
			if (!to.isBefore(afterWhole)) {
				add(sums, units, group, false, afterWhole, to);
			}
		}
		return sums;
	}

	private void add(Map<String, long[]> sums, List<String> units, Group group, boolean months, LocalDate from,
			LocalDate to) {
		String table = "report_kpi_" + (group.detail ? "" : "unit_") + (months ? "month" : "day");
		String key = group.column == null ? "''" : group.column;
		List<Object> params = new ArrayList<>(units);
		params.add(from);
		params.add(to);
		String sql = "select " + key + ", " + SUMS + " from " + table + " where unit_code in ("
				+ String.join(", ", Collections.nCopies(units.size(), "?")) + ") and on_day between ? and ?"
				+ (group.column == null ? "" : " group by " + group.column);
		this.jdbc.sql(sql).params(params).query(rs -> {
			long[] into = sums.computeIfAbsent(rs.getString(1), k -> new long[Measure.values().length]);
			for (int i = 0; i < into.length; i++) {
				into[i] += rs.getLong(i + 2);
			}
		});
	}

}
