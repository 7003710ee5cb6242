package vn.motcua.bench;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.org.Actor;
import vn.motcua.reporting.ExportJob;
import vn.motcua.reporting.KpiDossiers;
import vn.motcua.reporting.KpiExports;
import vn.motcua.reporting.KpiMeasure;
import vn.motcua.reporting.KpiSelection;

import static vn.motcua.shared.Sql.utc;

/**
 * The dossiers behind a number (ADR 31) at the scale of a city-year: 100,000 rows of the
 * reports' copy of the dossiers ({@code report_dossier}, written directly: this measures
 * the list and the export, not the keeping) at the three demo wards over 2025. Then, for
 * the city with its wards, the first page of the year's resolved dossiers with its total
 * and a page deep into the list, 20 times each; and the export job of the whole list to
 * XLSX through the shared file store, 3 times.
 */
final class ExportBenchmark {

	static final int DOSSIERS = Integer.getInteger("bench.dossiers", 100_000);

	private ExportBenchmark() {
	}

	static void run(String db) throws Exception {
		System.setProperty("motcua.demo.history", "false");
		try (ConfigurableApplicationContext context = BenchApplication.start(db, true)) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			String[] wards = { "H56.15.40", "H56.15.41", "H56.15.42" };
			String[] channels = { "COUNTER", "COUNTER", "ONLINE", "POST" };
			Instant first = LocalDate.of(2025, 1, 2).atTime(8, 0).toInstant(WorkingCalendar.ZONE);
			long start = System.nanoTime();
			List<Object[]> batch = new ArrayList<>();
			for (int i = 0; i < DOSSIERS; i++) {
				Instant received = first.plusSeconds(i * (360L * 24 * 3600 / DOSSIERS));
				Instant resolved = i % 10 == 0 ? null : received.plusSeconds(3600L * (1 + i % 100));
				Instant due = received.plusSeconds(3 * 24 * 3600);
				String ward = wards[i % 3];
				batch.add(new Object[] { ward + "-" + String.format("%07d", i), ward,
						i % 2 == 0 ? "1.001193" : "1.000894", channels[i % 4],
						resolved == null ? "IN_PROCESSING" : "RETURNED", utc(received),
						LocalDate.ofInstant(received, WorkingCalendar.ZONE), utc(due),
						resolved == null ? null : utc(resolved),
						resolved == null ? null : LocalDate.ofInstant(resolved, WorkingCalendar.ZONE),
						resolved == null ? null : (i % 50 == 1 ? "LATE" : "EARLY"),
						resolved == null ? LocalDate.ofInstant(due, WorkingCalendar.ZONE) : null });
				if (batch.size() == 1000 || i == DOSSIERS - 1) {
					insert(jdbc, batch);
					batch.clear();
				}
			}
			jdbc.sql("postgres".equals(db) ? "analyze report_dossier" : "analyze table report_dossier").update();
			System.out.printf("Wrote %,d report_dossier rows in %.1f s%n", DOSSIERS, (System.nanoTime() - start) / 1e9);

			KpiDossiers dossiers = context.getBean(KpiDossiers.class);
			KpiExports exports = context.getBean(KpiExports.class);
			Actor supervisor = Actor
				.of(context.getBean(vn.motcua.org.Officers.class).find("samson.giamsat").orElseThrow());
			KpiSelection resolved = new KpiSelection("H56.15", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
					true, KpiMeasure.RESOLVED, null, null);
			for (int page : new int[] { 0, 1000 }) {
				double[] ms = new double[20];
				long total = 0;
				for (int r = 0; r < ms.length; r++) {
					long t = System.nanoTime();
					total = dossiers.page(supervisor, resolved, page, 50).total();
					ms[r] = (System.nanoTime() - t) / 1e6;
				}
				System.out.printf("%s page %d of 50 (total %,d): median %.1f ms, best %.1f ms, worst %.1f ms%n", db,
						page, total, Benchmarks.median(ms), java.util.Arrays.stream(ms).min().orElseThrow(),
						java.util.Arrays.stream(ms).max().orElseThrow());
			}
			for (int r = 0; r < 3; r++) {
				long t = System.nanoTime();
				long[] n = { 0 };
				dossiers.each(supervisor, resolved, d -> n[0]++);
				System.out.printf("%s reading the list alone: %,d rows in %.1f s%n", db, n[0],
						(System.nanoTime() - t) / 1e9);
			}
			for (int r = 0; r < 3; r++) {
				Runtime.getRuntime().gc();
				long t = System.nanoTime();
				ExportJob job = exports.start(supervisor, resolved);
				while (!job.finished()) {
					Thread.sleep(100);
					job = exports.job(supervisor, job.id());
				}
				double seconds = (System.nanoTime() - t) / 1e9;
				long used = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
				long read = 0;
				try (InputStream in = exports.file(supervisor, job.id())) {
					read = in.transferTo(java.io.OutputStream.nullOutputStream());
				}
				System.out.printf(
						"%s export job %s: %,d rows in %.1f s (%,.0f rows/s), file %,d KiB, heap after %d MiB%n", db,
						job.status(), job.total(), seconds, job.total() / seconds, read >> 10, used);
			}
		}
	}

	private static void insert(JdbcClient jdbc, List<Object[]> rows) {
		StringBuilder sql = new StringBuilder("insert into report_dossier (code, unit_code, procedure_code, channel,"
				+ " version, imported, status, received_at, received_day, due_at, resolved_at, resolved_day, timeliness,"
				+ " overdue_day, supplement_requests, apologies) values ");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, 1, false, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)");
			Object[] r = rows.get(i);
			for (Object v : r) {
				params.add(v);
			}
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

}
