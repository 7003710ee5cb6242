package vn.motcua.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.org.Actor;
import vn.motcua.org.NewUnit;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.Units;
import vn.motcua.reporting.KpiFigures;
import vn.motcua.reporting.KpiReport;
import vn.motcua.reporting.Kpis;
import vn.motcua.reporting.internal.KpiSums;

/**
 * KPI reports on 10 million dossiers (issue 11; ADR 30; PostgreSQL only): in a fresh
 * database with the schema and the demo ward, a province of 10 cities of 30 wards each,
 * and 10 million dossiers received 2022-01-01 to 2024-12-31 spread evenly over the 300
 * wards, made with SQL ({@code generate_series}), not through the services; then
 * {@code report_dossier} and the four count tables filled from them by SQL aggregation
 * with what {@code KpiKeeper} would have written. Then, warm, a unit-year, a city-year
 * and a province-year report through {@link Kpis#report}, against a plain GROUP BY over
 * the dossier rows giving the same headline figures, which must agree.
 */
final class KpisBenchmark {

	static final int DOSSIERS = Integer.getInteger("bench.dossiers", 10_000_000);

	static final int CITIES = 10;

	static final int WARDS_PER_CITY = 30;

	static final int REPEAT = 30;

	static final int WARM_UP = 5;

	static final String PROVINCE = "B99";

	static final LocalDate FROM = LocalDate.of(2023, 1, 1);

	static final LocalDate TO = LocalDate.of(2023, 12, 31);

	static final String VN = "'Asia/Ho_Chi_Minh'";

	private KpisBenchmark() {
	}

	static void run(String db) throws Exception {
		if (!"postgres".equals(db)) {
			throw new IllegalArgumentException("the KPI benchmark runs on PostgreSQL only: -Dbench.db=postgres");
		}
		try (ConfigurableApplicationContext context = BenchApplication.start(db, true,
				Map.of("motcua.demo.history", "false"))) {
			Units units = context.getBean(Units.class);
			long start = System.nanoTime();
			units.register(unit(PROVINCE, null, "Tỉnh đo", UnitLevel.PROVINCE));
			for (int c = 1; c <= CITIES; c++) {
				String city = PROVINCE + "." + two(c);
				units.register(unit(city, PROVINCE, "Thành phố đo " + c, UnitLevel.CITY));
				for (int w = 1; w <= WARDS_PER_CITY; w++) {
					units.register(unit(city + "." + two(w), city, "Phường đo " + c + "." + w, UnitLevel.WARD));
				}
			}
			System.out.printf("%d units registered in %.1f s%n", 1 + CITIES + CITIES * WARDS_PER_CITY,
					(System.nanoTime() - start) / 1e9);
			try (Connection c = context.getBean(DataSource.class).getConnection()) {
				generate(c);
			}
			measure(context);
		}
	}

	private static NewUnit unit(String code, String parent, String name, UnitLevel level) {
		return new NewUnit(code, parent, name, level, null, null, null, null, null, null, null);
	}

	private static String two(int n) {
		return String.format("%02d", n);
	}

	/** The dossiers, their reports' rows and the count tables, by SQL. */
	private static void generate(Connection c) throws SQLException {
		c.setAutoCommit(true);
		long all = System.nanoTime();
		sql(c, "set synchronous_commit = off");
		sql(c, "set work_mem = '256MB'");
		sql(c, "set maintenance_work_mem = '512MB'");
		// five of the demo ward's procedures, weighted 4:2:2:1:1 over ten slots, with
		// their due time in calendar days (a working day is 7/5 of a day; hours are
		// rounded up to a day)
		sql(c, "create temporary table bench_procedure as"
				+ " select s.n, v.id version_id, p.code, v.name, v.committed_amount, v.committed_unit,"
				+ " greatest(1, ceil(case when v.committed_unit = 'WORKING_HOURS' then v.committed_amount / 8.0"
				+ " else v.committed_amount end * 1.4))::int days"
				+ " from (values (0, '2.000908'), (1, '2.000908'), (2, '2.000908'), (3, '2.000908'), (4, '1.001193'),"
				+ " (5, '1.001193'), (6, '2.000884'), (7, '2.000884'), (8, '1.004873'), (9, '2.000635')) s (n, code)"
				+ " join catalog_procedure p on p.code = s.code and p.unit_code = 'H56.15.40'"
				+ " join catalog_procedure_version v on v.procedure_id = p.id"
				+ " and v.version_no = (select max(version_no) from catalog_procedure_version w where w.procedure_id = p.id)");
		long n = count(c, "select count(*) from bench_procedure");
		if (n != 10) {
			throw new IllegalStateException("expected 10 procedure slots, found " + n);
		}
		int wards = CITIES * WARDS_PER_CITY;
		// dossier i of ward w (of per(w)): received on day i * 1096 / per(w) of the three
		// years, 07:30 to 17:00 local; resolved after a share of its due time (96 %
		// within
		// it, 3.5 % up to half as long again, 0.5 % never); still open if that falls
		// after
		// 2024-12-31 17:00; 0.8 % refused, 0.7 % stopped, 0.7 % withdrawn, the rest
		// returned; three quarters at the counter, a fifth online, the rest by post.
		// Times
		// are counted in whole minutes from 2022-01-01 00:00 local, so that a local day
		// is
		// minutes / 1440; "offset 0" keeps each step's values from being computed again
		// in
		// every expression that uses them. The foreign keys' per-row triggers are off
		// (session_replication_role): every unit and procedure version exists by
		// construction, checked after.
		long t = System.nanoTime();
		sql(c, "set jit = off");
		sql(c, "set session_replication_role = replica");
		String t0 = "timestamptz '2022-01-01 00:00+07'";
		int lastMinute = 1095 * 1440 + 17 * 60;
		sql(c, "insert into dossier (code, unit_code, procedure_code, procedure_name, procedure_version_id,"
				+ " committed_amount, committed_unit, same_day_cutoff, channel, applicant_name, applicant_name_folded,"
				+ " status, received_at, submitted_at, original_due_at, due_at, supplement_requests, apologies,"
				+ " forced_late, current_step, in_progress, overdue_from, resolved_at, timeliness, returned_at,"
				+ " return_channel, steps, components, version, supplement_mode)"
				+ " select d.unit_code || '-' || lpad(d.i::text, 6, '0'), d.unit_code, p.code, p.name, p.version_id,"
				+ " p.committed_amount, p.committed_unit, time '11:00', d.channel, 'Nguyễn Văn An', 'nguyen van an',"
				+ " case when d.rm is null then 'IN_PROCESSING' else d.ending end, d.received_at, d.received_at,"
				+ " d.due_at, d.due_at, 0, 0, false, case when d.rm is null then 1 else 3 end, d.rm is null,"
				+ " case when d.rm is null then d.due_at end, " + t0 + " + d.rm * interval '1 minute',"
				+ " case when d.rm is null then null when d.rm > d.dm then 'LATE'"
				+ " when d.rm / 1440 < d.dm / 1440 then 'EARLY' else 'ON_TIME' end,"
				+ " case when d.rm is not null and d.ending = 'RETURNED' then " + t0
				+ " + (d.rm + 120) * interval '1 minute' end,"
				+ " case when d.rm is not null and d.ending = 'RETURNED' then 'COUNTER' end,"
				+ " '[]', '[]', 1, 'PAUSE_ADDED'" + " from (select q.*, " + t0
				+ " + q.m * interval '1 minute' received_at, " + t0
				+ " + q.dm * interval '1 minute' due_at, case when q.rm0 <= " + lastMinute + " then q.rm0 end rm"
				+ " from (select g.*, g.m + bp.days * 1440 dm,"
				+ " case when g.h2 < 960 then g.m + bp.days * 1440 * (50 + g.h2 * 900 / 960) / 1000"
				+ " when g.h2 < 995 then g.m + bp.days * 1440 * (1000 + (g.h2 - 960) * 1000 / 70) / 1000 end rm0"
				+ " from (select w.unit_code, i, (i * 1096 / w.per) * 1440 + 450 + h1 % 570 m, h2,"
				+ " case when h3 < 8 then 'REFUSED' when h3 < 15 then 'STOPPED' when h3 < 22 then 'WITHDRAWN'"
				+ " else 'RETURNED' end ending,"
				+ " case when h4 < 75 then 'COUNTER' when h4 < 95 then 'ONLINE' else 'POST' end channel, pn"
				+ " from (select w, '" + PROVINCE + ".' || lpad((w / " + WARDS_PER_CITY + " + 1)::text, 2, '0') || '.'"
				+ " || lpad((w % " + WARDS_PER_CITY + " + 1)::text, 2, '0') unit_code," + " (w + 1)::bigint * "
				+ DOSSIERS + " / " + wards + " - w::bigint * " + DOSSIERS + " / " + wards + " per"
				+ " from generate_series(0, " + (wards - 1) + ") w) w,"
				+ " lateral (select i, abs(hashint8extended(w.w * 1000003 + i, 1)) % 570 h1,"
				+ " abs(hashint8extended(w.w * 1000003 + i, 2)) % 1000 h2,"
				+ " abs(hashint8extended(w.w * 1000003 + i, 3)) % 1000 h3,"
				+ " abs(hashint8extended(w.w * 1000003 + i, 4)) % 100 h4,"
				+ " abs(hashint8extended(w.w * 1000003 + i, 5)) % 10 pn"
				+ " from generate_series(0, w.per - 1) i offset 0) h offset 0) g"
				+ " join bench_procedure bp on bp.n = g.pn offset 0) q offset 0) d"
				+ " join bench_procedure p on p.n = d.pn");
		sql(c, "set session_replication_role = origin");
		long orphans = count(c, "select count(*) from dossier d where d.unit_code like '" + PROVINCE + ".%'"
				+ " and (not exists (select 1 from org_unit u where u.code = d.unit_code)"
				+ " or not exists (select 1 from catalog_procedure_version v where v.id = d.procedure_version_id))");
		if (orphans != 0) {
			throw new IllegalStateException(orphans + " dossiers with no unit or procedure version");
		}
		System.out.printf("  %,d dossiers inserted in %.0f s%n", count(c, "select count(*) from dossier"),
				(System.nanoTime() - t) / 1e9);
		t = System.nanoTime();
		// each dossier's figures as KpiKeeper keeps them after its last event: an open
		// one counts in the overdue stock from its due day
		sql(c, "insert into report_dossier (code, unit_code, procedure_code, channel, version, imported, status,"
				+ " received_at, received_day, due_at, overdue_from, overdue_day, resolved_at, resolved_day, timeliness,"
				+ " supplement_requests, supplement_day, apologies, apology_day)"
				+ " select code, unit_code, procedure_code, channel, version, false, status, received_at,"
				+ " (received_at at time zone " + VN + ")::date, due_at, overdue_from," + " (overdue_from at time zone "
				+ VN + ")::date, resolved_at, (resolved_at at time zone " + VN
				+ ")::date, timeliness, 0, null, 0, null from dossier where unit_code like '" + PROVINCE + ".%'");
		System.out.printf("  report_dossier filled in %.0f s%n", (System.nanoTime() - t) / 1e9);
		t = System.nanoTime();
		// the changes KpiKeeper adds, by day: the receipt (+1 open), the resolution (-1
		// open) and its verdict; the overdue stock +1 on the due day for an open dossier
		// and for one resolved on a later day than its due day, -1 on that later day (one
		// resolved on or before its due day adds and takes away on the same day)
		String due = "((due_at at time zone " + VN + ")::date)";
		sql(c, "insert into report_kpi_day (unit_code, on_day, procedure_code, channel, received, received_online,"
				+ " received_post, resolved, early, on_time, late, refused, stopped, withdrawn, open_change,"
				+ " overdue_change)"
				+ " select unit_code, on_day, procedure_code, channel, sum(received), sum(received_online),"
				+ " sum(received_post), sum(resolved), sum(early), sum(on_time), sum(late), sum(refused), sum(stopped),"
				+ " sum(withdrawn), sum(open_change), sum(overdue_change) from ("
				+ " select unit_code, received_day on_day, procedure_code, channel, 1 received,"
				+ " (channel = 'ONLINE')::int received_online, (channel = 'POST')::int received_post, 0 resolved,"
				+ " 0 early, 0 on_time, 0 late, 0 refused, 0 stopped, 0 withdrawn, 1 open_change, 0 overdue_change"
				+ " from report_dossier where unit_code like '" + PROVINCE + ".%'"
				+ " union all select unit_code, resolved_day, procedure_code, channel, 0, 0, 0, 1,"
				+ " (timeliness = 'EARLY')::int, (timeliness = 'ON_TIME')::int, (timeliness = 'LATE')::int,"
				+ " (status = 'REFUSED')::int, (status = 'STOPPED')::int, (status = 'WITHDRAWN')::int, -1, 0"
				+ " from report_dossier where unit_code like '" + PROVINCE + ".%' and resolved_day is not null"
				+ " union all select unit_code, " + due
				+ ", procedure_code, channel, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1"
				+ " from report_dossier where unit_code like '" + PROVINCE + ".%' and (overdue_day is not null"
				+ " or resolved_day > " + due + ")"
				+ " union all select unit_code, resolved_day, procedure_code, channel, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1"
				+ " from report_dossier where unit_code like '" + PROVINCE + ".%' and resolved_day > " + due + ") c"
				+ " group by unit_code, on_day, procedure_code, channel");
		String measures = "received, received_online, received_post, resolved, early, on_time, late, refused, stopped,"
				+ " withdrawn, open_change, overdue_change";
		String sums = "sum(received), sum(received_online), sum(received_post), sum(resolved), sum(early),"
				+ " sum(on_time), sum(late), sum(refused), sum(stopped), sum(withdrawn), sum(open_change),"
				+ " sum(overdue_change)";
		sql(c, "insert into report_kpi_month (unit_code, on_day, procedure_code, channel, " + measures + ")"
				+ " select unit_code, date_trunc('month', on_day)::date, procedure_code, channel, " + sums
				+ " from report_kpi_day where unit_code like '" + PROVINCE
				+ ".%' group by 1, 2, procedure_code, channel");
		sql(c, "insert into report_kpi_unit_day (unit_code, on_day, " + measures + ") select unit_code, on_day, " + sums
				+ " from report_kpi_day where unit_code like '" + PROVINCE + ".%' group by unit_code, on_day");
		sql(c, "insert into report_kpi_unit_month (unit_code, on_day, " + measures + ")"
				+ " select unit_code, date_trunc('month', on_day)::date, " + sums
				+ " from report_kpi_unit_day where unit_code like '" + PROVINCE + ".%' group by 1, 2");
		System.out.printf(
				"  count tables filled in %.0f s: %,d day rows, %,d month rows, %,d unit-day rows,"
						+ " %,d unit-month rows%n",
				(System.nanoTime() - t) / 1e9, count(c, "select count(*) from report_kpi_day"),
				count(c, "select count(*) from report_kpi_month"), count(c, "select count(*) from report_kpi_unit_day"),
				count(c, "select count(*) from report_kpi_unit_month"));
		t = System.nanoTime();
		sql(c, "vacuum (analyze) dossier, report_dossier, report_kpi_day, report_kpi_month, report_kpi_unit_day,"
				+ " report_kpi_unit_month, org_unit");
		System.out.printf("  vacuum and analyze in %.0f s%n", (System.nanoTime() - t) / 1e9);
		System.out.printf("data generation of %,d dossiers: %.0f s in all (database %s)%n", DOSSIERS,
				(System.nanoTime() - all) / 1e9,
				count(c, "select pg_database_size(current_database())") / 1024 / 1024 + " MiB");
	}

	private static void sql(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static long count(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The headline figures compared. */
	record Headline(long received, long early, long onTime, long late, long open, long overdue) {

		static Headline of(KpiFigures f) {
			return new Headline(f.received(), f.resolvedEarly(), f.resolvedOnTime(), f.resolvedLate(), f.inProgress(),
					f.overdue());
		}

	}

	private static void measure(ConfigurableApplicationContext context) {
		Kpis kpis = context.getBean(Kpis.class);
		KpiSums sums = context.getBean(KpiSums.class);
		Units units = context.getBean(Units.class);
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Actor admin = Actor.administrator("admin");
		String ward = PROVINCE + ".01.01";
		String city = PROVINCE + ".01";
		List<String[]> cases = List.of(new String[] { "unit-year (1 ward)", ward, "false" },
				new String[] { "city-year (city + 30 wards)", city, "true" },
				new String[] { "province-year (311 units)", PROVINCE, "true" });
		List<String> table = new ArrayList<>();
		for (String[] k : cases) {
			boolean subtree = Boolean.parseBoolean(k[2]);
			List<String> codes = kpis.units(admin, units.get("unit", k[1]), subtree);
			double[] service = time(() -> kpis.report(admin, k[1], FROM, TO, subtree, null));
			KpiReport report = kpis.report(admin, k[1], FROM, TO, subtree, null);
			double[] sumsOnly = time(() -> {
				sums.sum(codes, FROM, TO, KpiSums.Group.NONE);
				sums.sum(codes, KpiSums.EVER, FROM.minusDays(1), KpiSums.Group.NONE);
				return sums.sum(codes, KpiSums.EVER, TO, KpiSums.Group.NONE);
			});
			double[] plain = time(() -> groupBy(jdbc, codes));
			Headline fromService = Headline.of(report.figures());
			Headline fromRows = groupBy(jdbc, codes);
			System.out.printf("%s %s: report %s; GROUP BY %s; %s%n", k[0], k[1], fromService, fromRows,
					fromService.equals(fromRows) ? "the same" : "DIFFERENT");
			table.add(String.format("| %s | %s | %s | %s | %s |", k[0], ms(service), ms(sumsOnly), ms(plain),
					fromService.equals(fromRows) ? "yes" : "**no**"));
			if (service[0] > 100 || k[1].equals(city)) {
				explain(jdbc, codes);
			}
		}
		System.out.println("| Report, 2023-01-01 – 2023-12-31 | Kpis.report: median / p95 | its three KpiSums"
				+ " queries only | plain GROUP BY over dossier rows | same figures |");
		System.out.println("|---|---:|---:|---:|---|");
		table.forEach(System.out::println);
	}

	/** Median and p95 of REPEAT calls after WARM_UP, in ms. */
	private static double[] time(Supplier<?> call) {
		for (int i = 0; i < WARM_UP; i++) {
			call.get();
		}
		double[] ms = new double[REPEAT];
		for (int i = 0; i < REPEAT; i++) {
			long t = System.nanoTime();
			call.get();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		java.util.Arrays.sort(ms);
		return new double[] { ms[REPEAT / 2], ms[(int) Math.ceil(REPEAT * 0.95) - 1] };
	}

	private static String ms(double[] m) {
		return String.format("%.1f / %.1f ms", m[0], m[1]);
	}

	private static final String GROUP_BY = "select unit_code, count(*) filter (where received_at >= ?) received,"
			+ " count(*) filter (where resolved_at >= ? and resolved_at < ? and timeliness = 'EARLY') early,"
			+ " count(*) filter (where resolved_at >= ? and resolved_at < ? and timeliness = 'ON_TIME') on_time,"
			+ " count(*) filter (where resolved_at >= ? and resolved_at < ? and timeliness = 'LATE') late,"
			+ " count(*) filter (where resolved_at is null or resolved_at >= ?) open,"
			+ " count(*) filter (where (resolved_at is null or resolved_at >= ?)"
			+ " and (due_at at time zone 'Asia/Ho_Chi_Minh')::date <= ?) overdue"
			+ " from dossier where unit_code in (%s) and received_at < ? group by unit_code";

	/** The headline figures of the units' dossier rows, counted afresh. */
	private static Headline groupBy(JdbcClient jdbc, List<String> codes) {
		OffsetDateTime from = FROM.atStartOfDay().atOffset(ZoneOffset.ofHours(7));
		OffsetDateTime to = TO.plusDays(1).atStartOfDay().atOffset(ZoneOffset.ofHours(7));
		List<Object> params = new ArrayList<>(List.of(from, from, to, from, to, from, to, to, to, TO));
		params.addAll(codes);
		params.add(to);
		long[] h = new long[6];
		jdbc.sql(String.format(GROUP_BY, String.join(", ", Collections.nCopies(codes.size(), "?"))))
			.params(params)
			.query(rs -> {
				for (int i = 0; i < h.length; i++) {
					h[i] += rs.getLong(i + 2);
				}
			});
		return new Headline(h[0], h[1], h[2], h[3], h[4], h[5]);
	}

	/** The plans of the plain GROUP BY and of the year's month sums, with their times. */
	private static void explain(JdbcClient jdbc, List<String> codes) {
		String in = String.join(", ", codes.stream().map(c -> "'" + c + "'").toList());
		String plain = String.format(GROUP_BY.replace("?", "%s"), "'2023-01-01T00:00+07'", "'2023-01-01T00:00+07'",
				"'2024-01-01T00:00+07'", "'2023-01-01T00:00+07'", "'2024-01-01T00:00+07'", "'2023-01-01T00:00+07'",
				"'2024-01-01T00:00+07'", "'2024-01-01T00:00+07'", "'2024-01-01T00:00+07'", "date '2023-12-31'", in,
				"'2024-01-01T00:00+07'");
		String months = "select sum(received), sum(resolved), sum(open_change) from report_kpi_unit_month"
				+ " where unit_code in (" + in + ") and on_day between date '1900-01-01' and date '2023-12-01'";
		for (String q : List.of(plain, months)) {
			System.out.println("explain analyze (" + codes.size() + " units):");
			jdbc.sql("explain (analyze, buffers) " + q)
				.query(String.class)
				.list()
				.forEach(l -> System.out.println("  " + l));
		}
	}

}
