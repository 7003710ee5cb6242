package vn.motcua.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.it.Api;
import vn.motcua.it.MutableClock;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.shared.Page;

/**
 * One unit's overdue list after an intake of 100,000 dossiers: every dossier goes through
 * the real intake (code, due time, steps, history, events), received over 100 days, all
 * at the demo ward, none processed, so that most of them are overdue when the list is
 * asked for. Then the first page of the overdue list, with its total, 50 times.
 */
final class OverdueBenchmark {

	static final int DOSSIERS = Integer.getInteger("bench.dossiers", 100_000);

	static final int DAYS = 100;

	static final int QUERIES = 50;

	private OverdueBenchmark() {
	}

	static void run(String db) {
		try (ConfigurableApplicationContext context = BenchApplication.start(db, true)) {
			MutableClock clock = context.getBean(MutableClock.class);
			DossierIntake intake = context.getBean(DossierIntake.class);
			DossierQueries queries = context.getBean(DossierQueries.class);
			Actor counter = Actor.of(context.getBean(Officers.class).find("quangcu.motcua").orElseThrow());
			Instant first = CalendarFixture.at("2025-01-02T07:30");
			long start = System.nanoTime();
			int perDay = DOSSIERS / DAYS;
			for (int d = 0; d < DAYS; d++) {
				for (int i = 0; i < perDay; i++) {
					// spread over the day's working hours; weekends and holidays count
					// from the next working day
					clock.set(first.plus(Duration.ofDays(d)).plusSeconds(i * 30L % (9 * 3600)));
					intake.intake(counter, Api.birth(), List.of());
				}
			}
			double intakeSeconds = (System.nanoTime() - start) / 1e9;
			// statistics as a running database keeps them (PostgreSQL's autovacuum, H2's
			// auto-analyze)
			var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
			jdbc.sql("postgres".equals(db) ? "analyze dossier" : "analyze table dossier").update();
			clock.set(CalendarFixture.at("2025-04-14T10:00"));
			String plan = jdbc
				.sql("explain select code from dossier where unit_code = 'H56.15.40' and overdue_from < :now"
						+ " order by unit_code, overdue_from offset 0 rows fetch next 20 rows only")
				.param("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
				.query(String.class)
				.list()
				.toString()
				.replaceAll("\\s+", " ");
			System.out.println("plan of the overdue page on " + db + ": " + plan);
			List<Double> millis = new ArrayList<>();
			long total = 0;
			for (int q = 0; q < QUERIES + 5; q++) {
				// a different "now" each time, so that no database can answer from a
				// cached result
				clock.set(CalendarFixture.at("2025-04-14T10:00").plusSeconds(61L * q));
				long t = System.nanoTime();
				Page<?> page = queries.search(counter,
						new DossierQueries.Query("H56.15.40", null, true, false, null, null, null, 0, 20));
				if (q >= 5) {
					millis.add((System.nanoTime() - t) / 1e6);
				}
				total = page.total();
			}
			double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			System.out.printf("intake of %d dossiers on %s: %.0f s (%.0f/s)%n", DOSSIERS, db, intakeSeconds,
					DOSSIERS / intakeSeconds);
			System.out.printf(
					"overdue list (page of 20 of %d overdue) on %s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d queries)%n",
					total, db, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)],
					sorted[sorted.length - 1], QUERIES);
			if (Arrays.stream(sorted).max().orElse(0) > 50) {
				System.out.println("  (over 50 ms)");
			}
		}
	}

}
