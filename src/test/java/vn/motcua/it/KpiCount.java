package vn.motcua.it;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.reporting.KpiFigures;

/**
 * A unit's KPIs counted from its dossier rows, their history and the ratings, without the
 * reports: what the KPI tests compare the reports with.
 */
final class KpiCount {

	record Row(String code, String status, String channel, Instant receivedAt, Instant resolvedAt, String timeliness,
			Instant overdueFrom) {
	}

	/** The ward's dossier rows, history and ratings, counted here without the reports. */

	final List<Row> dossiers;

	final List<Map.Entry<String, Instant>> history;

	final List<Map.Entry<String, Instant>> rated;

	KpiCount(List<Row> dossiers, List<Map.Entry<String, Instant>> history, List<Map.Entry<String, Instant>> rated) {
		this.dossiers = dossiers;
		this.history = history;
		this.rated = rated;
	}

	/**
	 * The figures of the dossiers that match; the overdue ones at the end counted from
	 * their rows when the end is today, else as given (the rows hold today's due times).
	 */
	KpiFigures count(LocalDate from, LocalDate to, Predicate<Row> which, Long overdueAtEnd) {
		List<Row> received = this.dossiers.stream().filter(which).filter(d -> d.receivedAt() != null).toList();
		long in = received.stream().filter(d -> within(d.receivedAt(), from, to)).count();
		long online = received.stream()
			.filter(d -> within(d.receivedAt(), from, to) && d.channel().equals("ONLINE"))
			.count();
		long post = received.stream()
			.filter(d -> within(d.receivedAt(), from, to) && d.channel().equals("POST"))
			.count();
		List<Row> resolved = received.stream()
			.filter(d -> d.resolvedAt() != null && within(d.resolvedAt(), from, to))
			.toList();
		long early = resolved.stream().filter(d -> d.timeliness().equals("EARLY")).count();
		long onTime = resolved.stream().filter(d -> d.timeliness().equals("ON_TIME")).count();
		long late = resolved.stream().filter(d -> d.timeliness().equals("LATE")).count();
		long carried = received.stream().filter(d -> openAt(d, from.minusDays(1))).count();
		long open = received.stream().filter(d -> openAt(d, to)).count();
		long overdue = overdueAtEnd != null ? overdueAtEnd : overdueAt(to, which);
		List<String> codes = received.stream().map(Row::code).toList();
		long supplements = count(this.history, "REQUEST_SUPPLEMENT", codes, from, to);
		long apologies = count(this.history, "APOLOGIZE", codes, from, to);
		long rated = this.rated.stream()
			.filter(r -> codes.contains(r.getKey().split("\\|")[0]) && within(r.getValue(), from, to))
			.count();
		long satisfied = this.rated.stream()
			.filter(r -> codes.contains(r.getKey().split("\\|")[0]) && within(r.getValue(), from, to)
					&& !r.getKey().endsWith("NOT_SATISFIED"))
			.count();
		KpiFigures expected = new KpiFigures(in, in - online - post, post, online, carried, resolved.size(), early,
				onTime, late, rate(late, resolved.size()), rate(early + onTime, resolved.size()), open, open - overdue,
				overdue, supplements, status(resolved, "REFUSED"), status(resolved, "STOPPED"),
				status(resolved, "WITHDRAWN"), apologies, rate(online, in), rated, satisfied, rate(satisfied, rated));
		return expected;
	}

	/** Open dossiers at the day's end that are overdue then (today or later only). */
	long overdueAt(LocalDate day, Predicate<Row> which) {
		Instant end = day.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
		return this.dossiers.stream()
			.filter(which)
			.filter(d -> d.receivedAt() != null && openAt(d, day) && d.overdueFrom() != null
					&& d.overdueFrom().isBefore(end))
			.count();
	}

	private long count(List<Map.Entry<String, Instant>> entries, String action, List<String> codes, LocalDate from,
			LocalDate to) {
		return entries.stream()
			.filter(e -> e.getKey().endsWith("|" + action) && codes.contains(e.getKey().split("\\|")[0])
					&& within(e.getValue(), from, to))
			.count();
	}

	private static long status(List<Row> resolved, String status) {
		return resolved.stream().filter(d -> d.status().equals(status)).count();
	}

	private static boolean openAt(Row d, LocalDate day) {
		return !day(d.receivedAt()).isAfter(day) && (d.resolvedAt() == null || day(d.resolvedAt()).isAfter(day));
	}

	private static boolean within(Instant at, LocalDate from, LocalDate to) {
		LocalDate day = day(at);
		return !day.isBefore(from) && !day.isAfter(to);
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, WorkingCalendar.ZONE);
	}

	private static Double rate(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	/** The unit's dossier rows (received ones), history and ratings. */
	static KpiCount of(JdbcClient jdbc, String unit) {
		List<Row> dossiers = jdbc
			.sql("select code, status, channel, received_at, resolved_at, timeliness, overdue_from from dossier"
					+ " where unit_code = ? and status not in ('AWAITING_INTAKE', 'AWAITING_ADDITIONS',"
					+ " 'REFUSED_AT_INTAKE')")
			.param(unit)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
					vn.motcua.shared.Sql.instant(rs, 4), vn.motcua.shared.Sql.instant(rs, 5), rs.getString(6),
					vn.motcua.shared.Sql.instant(rs, 7)))
			.list();
		List<Map.Entry<String, Instant>> history = jdbc
			.sql("select d.code, h.action, h.at from dossier_history h join dossier d on d.id = h.dossier_id"
					+ " where d.unit_code = ?")
			.param(unit)
			.query((rs, n) -> Map.entry(rs.getString(1) + "|" + rs.getString(2), vn.motcua.shared.Sql.instant(rs, 3)))
			.list();
		List<Map.Entry<String, Instant>> rated = jdbc
			.sql("select dossier_code, rating, rated_at from feedback_rating where unit_code = ?")
			.param(unit)
			.query((rs, n) -> Map.entry(rs.getString(1) + "|" + rs.getString(2), vn.motcua.shared.Sql.instant(rs, 3)))
			.list();
		return new KpiCount(dossiers, history, rated);
	}

}
