package vn.motcua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database for a benchmark run: H2 in memory, or a new database on the local
 * PostgreSQL.
 */
final class BenchDatabase {

	private BenchDatabase() {
	}

	static Map<String, Object> properties(String db) {
		if ("postgres".equals(db)) {
			String name = "motcua_bench_" + UUID.randomUUID().toString().substring(0, 8);
			try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
					"")) {
				c.createStatement().execute("create database " + name + " encoding 'UTF8' template template0");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create a benchmark database: " + ex.getMessage(), ex);
			}
			// dropped when the benchmark ends (its application context is closed by
			// then),
			// unless -Dbench.keep=true
			if (Boolean.getBoolean("bench.keep")) {
				System.out.println("the benchmark database " + name + " is kept (bench.keep=true)");
			}
			else {
				Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
			}
			return Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + name,
					"spring.datasource.username", "postgres", "spring.datasource.password", "");
		}
		return Map.of("spring.datasource.url", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128",
				"spring.datasource.username", "sa", "spring.datasource.password", "");
	}

	private static void drop(String name) {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
			c.createStatement().execute("drop database if exists " + name);
		}
		catch (SQLException ex) {
			System.err.println("could not drop the benchmark database " + name + ": " + ex.getMessage());
		}
	}

}
