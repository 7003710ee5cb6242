package vn.motcua.bench;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import vn.motcua.Application;
import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.it.MutableClock;

/**
 * The whole application on a fresh database (with the demo ward), its clock set by the
 * benchmark.
 */
final class BenchApplication {

	/**
	 * Not a {@code @Configuration}, so that the application's component scan of test
	 * classes does not pick it up; registered only by {@link #start}.
	 */
	static class BenchClock {

		@Bean
		@Primary
		MutableClock benchClock() {
			return new MutableClock(CalendarFixture.at("2025-03-03T08:00"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	private BenchApplication() {
	}

	static ConfigurableApplicationContext start(String db, boolean demo) {
		return start(db, demo, Map.of());
	}

	/** With more properties (they win over the defaults here). */
	static ConfigurableApplicationContext start(String db, boolean demo, Map<String, String> more) {
		Map<String, Object> properties = new HashMap<>(BenchDatabase.properties(db));
		properties.put("motcua.demo.enabled", String.valueOf(demo));
		properties.put("server.port", "0");
		properties.put("logging.level.root", "WARN");
		properties.put("spring.datasource.hikari.maximum-pool-size", "16");
		properties.putAll(more);
		String[] args = properties.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplication(Application.class, BenchClock.class).run(args);
	}

}
