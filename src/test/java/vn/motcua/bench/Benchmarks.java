package vn.motcua.bench;

import java.util.Arrays;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks:
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench=calendar|forms|import|lifecycle|floor|overdue|history|export|signing|kpis|upload|payment|all
 * -Dbench.db=h2|postgres}. Results go in BENCHMARKS.md with the command that produced
 * them.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String which = args.length > 0 ? args[0] : "all";
		String db = args.length > 1 ? args[1] : "h2";
		if (which.equals("calendar") || which.equals("all")) {
			new Runner(new OptionsBuilder().include(CalendarBenchmark.class.getSimpleName()).build()).run();
		}
		if (which.equals("forms") || which.equals("all")) {
			new Runner(new OptionsBuilder().include(FormsBenchmark.class.getSimpleName()).build()).run();
		}
		if (which.equals("import") || which.equals("all")) {
			ImportBenchmark.run(db);
		}
		if (which.equals("lifecycle") || which.equals("all")) {
			LifecycleBenchmark.run(db);
		}
		if (which.equals("floor") || which.equals("all")) {
			FloorBenchmark.run(db);
		}
		if (which.equals("overdue") || which.equals("all")) {
			OverdueBenchmark.run(db);
		}
		if (which.equals("history") || which.equals("all")) {
			HistoryBenchmark.run(db);
		}
		if (which.equals("export") || which.equals("all")) {
			ExportBenchmark.run(db);
		}
		if (which.equals("signing") || which.equals("all")) {
			SigningBenchmark.run(db);
		}
		if (which.equals("payment") || which.equals("all")) {
			PaymentBenchmark.run(db);
		}
		// a 1 GiB upload to the application in a JVM of its own, heap capped at 256 MB
		if (which.equals("upload")) {
			UploadBenchmark.run();
		}
		// PostgreSQL only, and long (10 million dossiers): not part of "all"
		if (which.equals("kpis")) {
			KpisBenchmark.run(db);
		}
	}

	/** The middle value (the upper one of an even count). */
	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
