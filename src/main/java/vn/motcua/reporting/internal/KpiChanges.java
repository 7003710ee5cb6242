package vn.motcua.reporting.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.reporting.Measure;
import vn.motcua.shared.Database;

/**
 * The changes one event makes to a dossier's unit, procedure and channel counts, by day,
 * written to the four count tables (ADR 30): each row's measures grow by the change, the
 * row made when missing. Rows are written in key order, so that two listeners that touch
 * the same rows take their locks in the same order and never wait on each other in a
 * circle.
 */
final class KpiChanges {

	private final String unit;

	private final String procedure;

	private final String channel;

	private final TreeMap<LocalDate, EnumMap<Measure, Long>> byDay = new TreeMap<>();

	KpiChanges(String unit, String procedure, String channel) {
		this.unit = unit;
		this.procedure = procedure;
		this.channel = channel;
	}

	void add(LocalDate day, Measure measure, long change) {
		if (change != 0) {
			this.byDay.computeIfAbsent(day, d -> new EnumMap<>(Measure.class)).merge(measure, change, Long::sum);
		}
	}

	void write(JdbcClient jdbc, Database database) {
		TreeMap<LocalDate, EnumMap<Measure, Long>> byMonth = new TreeMap<>();
		this.byDay.forEach((day, changes) -> changes
			.forEach((m, v) -> byMonth.computeIfAbsent(day.withDayOfMonth(1), d -> new EnumMap<>(Measure.class))
				.merge(m, v, Long::sum)));
		for (var table : List.of(Map.entry("report_kpi_day", this.byDay), Map.entry("report_kpi_month", byMonth))) {
			table.getValue().forEach((day, changes) -> upsert(jdbc, database, table.getKey(), true, day, changes));
		}
		for (var table : List.of(Map.entry("report_kpi_unit_day", this.byDay),
				Map.entry("report_kpi_unit_month", byMonth))) {
			table.getValue().forEach((day, changes) -> upsert(jdbc, database, table.getKey(), false, day, changes));
		}
	}

	private void upsert(JdbcClient jdbc, Database database, String table, boolean detail, LocalDate day,
			Map<Measure, Long> changes) {
		changes.values().removeIf(v -> v == 0);
		if (changes.isEmpty()) {
			return;
		}
		List<String> keys = detail ? List.of("unit_code", "on_day", "procedure_code", "channel")
				: List.of("unit_code", "on_day");
		List<Object> params = new ArrayList<>(
				detail ? List.of(this.unit, day, this.procedure, this.channel) : List.of(this.unit, day));
		List<String> columns = new ArrayList<>(keys);
		List<String> added = new ArrayList<>();
		changes.forEach((m, v) -> {
			columns.add(m.column());
			added.add(m.column());
			params.add(v);
		});
		String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
		String sql;
		if (database.postgres()) {
			sql = "insert into " + table + " as t (" + String.join(", ", columns) + ") values (" + marks
					+ ") on conflict (" + String.join(", ", keys) + ") do update set "
					+ String.join(", ", added.stream().map(c -> c + " = t." + c + " + excluded." + c).toList());
		}
		else {
			sql = "merge into " + table + " t using (values (" + marks + ")) s (" + String.join(", ", columns) + ") on "
					+ String.join(" and ", keys.stream().map(k -> "t." + k + " = s." + k).toList())
					+ " when matched then update set "
					+ String.join(", ", added.stream().map(c -> c + " = t." + c + " + s." + c).toList())
					+ " when not matched then insert (" + String.join(", ", columns) + ") values ("
					+ String.join(", ", columns.stream().map(c -> "s." + c).toList()) + ")";
		}
		jdbc.sql(sql).params(params).update();
	}

}
