package vn.motcua.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.Application;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.IntakeOutcome;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database take in dossiers for the same ward at the
 * same time: every code is unique and the day's numbers run without a gap. On H2 the
 * instances share an in-memory database; with {@code -Ppostgres}, a fresh PostgreSQL
 * database.
 */
class DossierCodesIT {

	static final int THREADS_PER_INSTANCE = 4;

	static final int INTAKES_PER_THREAD = 25;

	@Test
	void twoInstancesHammeringOneDatabaseGiveUniqueGapFreeCodes() throws Exception {
		Map<String, Object> database = new HashMap<>(TestDatabase.fresh());
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
		try {
			instances.add(start(database));
			instances.add(start(database));
			ConcurrentLinkedQueue<String> codes = new ConcurrentLinkedQueue<>();
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> work = new ArrayList<>();
			for (ConfigurableApplicationContext instance : instances) {
				DossierIntake intake = instance.getBean(DossierIntake.class);
				Actor counter = Actor.of(instance.getBean(Officers.class).find(Api.COUNTER).orElseThrow());
				for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
					work.add(pool.submit(() -> {
						go.await();
						for (int i = 0; i < INTAKES_PER_THREAD; i++) {
							DossierIntake.IntakeResult result = intake.intake(counter, Api.birth(), List.of());
							assertThat(result.outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
							codes.add(result.dossier().code());
						}
						return null;
					}));
				}
			}
			go.countDown();
			for (Future<?> f : work) {
				f.get();
			}
			int expected = 2 * THREADS_PER_INSTANCE * INTAKES_PER_THREAD;
			Set<String> unique = new HashSet<>(codes);
			assertThat(unique).hasSize(expected);
			Map<String, List<Integer>> byDay = new HashMap<>();
			for (String code : unique) {
				String prefix = code.substring(0, code.lastIndexOf('-'));
				byDay.computeIfAbsent(prefix, k -> new ArrayList<>())
					.add(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
			}
			for (List<Integer> numbers : byDay.values()) {
				Collections.sort(numbers);
				assertThat(numbers.get(numbers.size() - 1)).as("no gap in %s", numbers).isEqualTo(numbers.size());
			}
		}
		finally {
			pool.shutdownNow();
			instances.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> database) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("server.port", "0");
		// the demo ward, also on PostgreSQL (where it loads only when asked for, ADR 27)
		properties.put("motcua.demo.enabled", "true");
		properties.put("spring.jmx.enabled", "false");
		properties.put("logging.level.root", "WARN");
		return new SpringApplication(Application.class).run(
				properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

}
