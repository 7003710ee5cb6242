package vn.motcua.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.it.Api;
import vn.motcua.it.MutableClock;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

/**
 * Full dossier lifecycles per second through the application's own facade (as a BPMN
 * engine's would be driven through its API): intake at the counter (the receipt step),
 * assign to the specialist, forward to the leader, approve, record the result, return it
 * — four steps, six transactions, each with its history, its optimistic lock and its
 * events in the publication registry. One thread, then eight.
 */
final class LifecycleBenchmark {

	static final int WARM_UP = Integer.getInteger("bench.warmup", 300);

	static final int SINGLE = Integer.getInteger("bench.single", 2_000);

	static final int THREADS = 8;

	static final int PER_THREAD = Integer.getInteger("bench.perThread", 500);

	private final Dossiers dossiers;

	private final Actor counter;

	private final Actor specialist;

	private final Actor leader;

	private LifecycleBenchmark(ConfigurableApplicationContext context) {
		this.dossiers = context.getBean(Dossiers.class);
		Officers officers = context.getBean(Officers.class);
		this.counter = Actor.of(officers.find("quangcu.motcua").orElseThrow());
		this.specialist = Actor.of(officers.find("quangcu.chuyenvien").orElseThrow());
		this.leader = Actor.of(officers.find("quangcu.lanhdao").orElseThrow());
	}

	static void run(String db) throws Exception {
		try (ConfigurableApplicationContext context = BenchApplication.start(db, true)) {
			// a working Monday morning, so that every dossier is due within the
			// calendar's hours
			context.getBean(MutableClock.class).set(CalendarFixture.at("2025-03-03T08:00"));
			LifecycleBenchmark bench = new LifecycleBenchmark(context);
			for (int i = 0; i < WARM_UP; i++) {
				bench.lifecycle();
			}
			long start = System.nanoTime();
			for (int i = 0; i < SINGLE; i++) {
				bench.lifecycle();
			}
			double single = SINGLE / ((System.nanoTime() - start) / 1e9);
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> work = new ArrayList<>();
			start = System.nanoTime();
			for (int t = 0; t < THREADS; t++) {
				work.add(pool.submit(() -> {
					for (int i = 0; i < PER_THREAD; i++) {
						bench.lifecycle();
					}
					return null;
				}));
			}
			for (Future<?> f : work) {
				f.get();
			}
			double multi = THREADS * PER_THREAD / ((System.nanoTime() - start) / 1e9);
			pool.shutdown();
			System.out.printf("lifecycles on %s: 1 thread %.0f/s (%d lifecycles), %d threads %.0f/s (%d lifecycles)%n",
					db, single, SINGLE, THREADS, multi, THREADS * PER_THREAD);
			Thread.sleep(Duration.ofSeconds(1).toMillis());
		}
	}

	private void lifecycle() {
		String code = this.dossiers.intake(this.counter, Api.birth()).dossier().code();
		act(this.counter, code, DossierAction.ASSIGN, "quangcu.chuyenvien", null, null);
		act(this.specialist, code, DossierAction.FORWARD, "quangcu.lanhdao", null, null);
		act(this.leader, code, DossierAction.APPROVE, null, null, null);
		act(this.leader, code, DossierAction.RECORD_RESULT, null, "KQ", null);
		act(this.counter, code, DossierAction.RETURN_RESULT, null, null, ReturnChannel.COUNTER);
	}

	private void act(Actor actor, String code, DossierAction action, String assignee, String result,
			ReturnChannel channel) {
		this.dossiers.act(actor, code, action,
				new Dossiers.ActionRequest(assignee, null, null, null, result, channel, null));
	}

}
