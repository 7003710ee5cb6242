package vn.motcua.bench;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.demo.BenchHistoryFile;
import vn.motcua.history.HistoryFormat;
import vn.motcua.history.HistoryImports;
import vn.motcua.history.ImportJob;
import vn.motcua.org.Actor;

/**
 * History import throughput (ADR 29): a JSON Lines file of the demo ward's made-up
 * history ({@code DemoHistory}'s own, about 20,000 dossiers received 2023-01-01 to
 * 2024-09-30, with hand-overs, results, returns, some supplement requests, apologies,
 * refusals) queued through {@link HistoryImports#startAsSystem} on a fresh database with
 * the demo ward (its own history off), run by the application's background job. Reports
 * the import's dossiers per second (from the job's start to its end, as the job records
 * them), and separately the time until the reports have counted every dossier (the event
 * publication registry empty).
 */
final class HistoryBenchmark {

	static final int DOSSIERS = 20_000;

	private HistoryBenchmark() {
	}

	static void run(String db) throws Exception {
		try (ConfigurableApplicationContext context = BenchApplication.start(db, true,
				Map.of("motcua.demo.history", "false", "motcua.history.poll", "PT0.2S"))) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			HistoryImports imports = context.getBean(HistoryImports.class);
			long made = System.nanoTime();
			byte[] file = BenchHistoryFile.quangCu(context, DOSSIERS, 2026);
			long lines = new String(file, java.nio.charset.StandardCharsets.UTF_8).lines().count();
			System.out.printf("history file: %d dossiers, %d KiB, made in %.1f s%n", lines, file.length / 1024,
					(System.nanoTime() - made) / 1e9);
			Actor admin = Actor.administrator("admin");
			long queued = System.nanoTime();
			ImportJob job = imports.startAsSystem("H56.15.40", "bench", HistoryFormat.JSONL, "bench.jsonl",
					new ByteArrayInputStream(file));
			// the KPI events waiting in the registry while the import runs: how far the
			// reports lag behind it
			long backlog = 0;
			while (!job.finished()) {
				Thread.sleep(50);
				job = imports.job(admin, job.id());
				backlog = Math.max(backlog,
						jdbc.sql("select count(*) from event_publication").query(Long.class).single());
			}
			double untilDone = (System.nanoTime() - queued) / 1e9;
			if (!"DONE".equals(job.status()) || job.imported() != lines) {
				throw new IllegalStateException("the import did not import every dossier: " + job);
			}
			long left;
			while ((left = jdbc.sql("select count(*) from event_publication").query(Long.class).single()) > 0) {
				Thread.sleep(50);
			}
			double untilCounted = (System.nanoTime() - queued) / 1e9;
			double importSeconds = Duration.between(job.startedAt(), job.finishedAt()).toMillis() / 1e3;
			long counted = jdbc.sql("select count(*) from report_dossier where unit_code = 'H56.15.40'")
				.query(Long.class)
				.single();
			System.out.printf(
					"history import on %s: %d dossiers (%d differing, %d failed) in %.1f s from the job's start to its end:"
							+ " %.0f dossiers/s; DONE %.1f s after queueing; KPI events all processed %.1f s after queueing"
							+ " (%.1f s after DONE, %d dossiers counted; at most %d events waiting during the import):"
							+ " %.0f dossiers/s end to end (left %d)%n",
					db, job.imported(), job.differing(), job.failed(), importSeconds, job.imported() / importSeconds,
					untilDone, untilCounted, untilCounted - untilDone, counted, backlog, job.imported() / untilCounted,
					left);
		}
	}

}
