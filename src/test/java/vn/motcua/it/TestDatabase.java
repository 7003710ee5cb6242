package vn.motcua.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a fresh database. {@code -Dmotcua.it.db=postgres} (the
 * {@code postgres} Maven profile) creates a new database on the PostgreSQL at
 * {@code motcua.it.pg.url} (default 127.0.0.1:5432, user postgres) for each context;
 * otherwise a private in-memory H2 database.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String PG_SERVER = System.getProperty("motcua.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/");

	static final String PG_USER = System.getProperty("motcua.it.pg.user", "postgres");

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("motcua.it.db"));
	}

	/** The datasource properties of a new, empty database. */
	public static Map<String, Object> fresh() {
		return postgres() ? freshPostgres()
				: Map.of("spring.datasource.url",
						"jdbc:h2:mem:motcua-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128",
						"spring.datasource.username", "sa", "spring.datasource.password", "");
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new java.util.HashMap<>(fresh());
		properties.put("motcua.files.dir", "target/test-files");
		properties.put("motcua.signing.keys-dir", "target/test-keys");
		properties.put("motcua.payment.secret-dir", "target/test-payment");
		// the demo wards' two years of history load only where a test asks for them
		properties.put("motcua.demo.history",
				context.getEnvironment().getProperty("motcua.test.demo-history", "false"));
		// many test contexts stay cached, each with its pool: small pools whose idle
		// connections are let go, so that PostgreSQL's 100 connections suffice
		properties.put("spring.datasource.hikari.maximum-pool-size", "6");
		properties.put("spring.datasource.hikari.minimum-idle", "1");
		properties.put("spring.datasource.hikari.idle-timeout", "10000");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testDatabase", properties));
	}

	private static Map<String, Object> freshPostgres() {
		String name = "motcua_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
				+ UUID.randomUUID().toString().substring(0, 8);
		try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, "");
				Statement s = c.createStatement()) {
			s.execute("create database " + name + " encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + PG_SERVER
					+ " (start PostgreSQL, or run without -Ppostgres): " + ex.getMessage(), ex);
		}
		return Map.of("spring.datasource.url", PG_SERVER + name, "spring.datasource.username", PG_USER,
				"spring.datasource.password", "");
	}

}
