package vn.motcua.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;

import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierActions;
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
 * events in the publication registry. One thread (after a warm-up, in rounds), then
 * eight.
 */
final class LifecycleBenchmark {

	/**
	 * Lifecycles run before measuring, so that the JIT compiler has compiled the whole
	 * path (with a few hundred the single-threaded rate was a third lower).
	 */
	static final int WARM_UP = Integer.getInteger("bench.warmup", 3_000);

	/** Measured rounds on one thread; the median round is reported. */
	static final int ROUNDS = Integer.getInteger("bench.rounds", 7);

	static final int PER_ROUND = Integer.getInteger("bench.single", 1_000);

	static final int THREADS = 8;

	static final int PER_THREAD = Integer.getInteger("bench.perThread", 500);

	/**
	 * A unit's dossier codes number at most 9,999 a day, so the clock moves on a day
	 * after this many intakes.
	 */
	static final int PER_DAY = 5_000;

	private final DossierIntake intake;

	private final DossierActions actions;

	private final MutableClock clock;

	private final AtomicInteger received = new AtomicInteger();

	private final Actor counter;

	private final Actor specialist;

	private final Actor leader;

	private LifecycleBenchmark(ConfigurableApplicationContext context) {
		this.intake = context.getBean(DossierIntake.class);
		this.actions = context.getBean(DossierActions.class);
		this.clock = context.getBean(MutableClock.class);
		Officers officers = context.getBean(Officers.class);
		this.counter = Actor.of(officers.find("quangcu.motcua").orElseThrow());
		this.specialist = Actor.of(officers.find("quangcu.chuyenvien").orElseThrow());
		this.leader = Actor.of(officers.find("quangcu.lanhdao").orElseThrow());
	}

	static void run(String db) throws Exception {
		try (ConfigurableApplicationContext context = BenchApplication.start(db, true)) {
			// a working Monday morning, so that every dossier is due within the
			// calendar's hours; a day later every PER_DAY intakes
			context.getBean(MutableClock.class).set(CalendarFixture.at("2025-03-03T08:00"));
			LifecycleBenchmark bench = new LifecycleBenchmark(context);
			for (int i = 0; i < WARM_UP; i++) {
				bench.lifecycle();
			}
			ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
			double[] rates = new double[ROUNDS];
			double[] cpuMillis = new double[ROUNDS];
			for (int r = 0; r < ROUNDS; r++) {
				long cpuStart = cpu.getCurrentThreadCpuTime();
				long start = System.nanoTime();
				for (int i = 0; i < PER_ROUND; i++) {
					bench.lifecycle();
				}
				rates[r] = PER_ROUND / ((System.nanoTime() - start) / 1e9);
				cpuMillis[r] = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6 / PER_ROUND;
				System.out.printf("round %d on %s: %.0f lifecycles/s, %.2f ms of the calling thread's CPU each%n",
						r + 1, db, rates[r], cpuMillis[r]);
			}
			double single = Benchmarks.median(rates);
			ExecutorService pool = Executors.newFixedThreadPool(THREADS);
			List<Future<?>> work = new ArrayList<>();
			long start = System.nanoTime();
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
			System.out.printf(
					"lifecycles on %s after %d of warm-up: 1 thread %.0f/s (median of %d rounds of %d; %.2f ms CPU each),"
							+ " %d threads %.0f/s (%d lifecycles)%n",
					db, WARM_UP, single, ROUNDS, PER_ROUND, Benchmarks.median(cpuMillis), THREADS, multi,
					THREADS * PER_THREAD);
			Thread.sleep(Duration.ofSeconds(1).toMillis());
		}
	}

	/**
	 * Each action names the version it acts on, as the workspace's forms do (the version
	 * of the page the officer saw).
	 */
	private void lifecycle() {
		if (this.received.incrementAndGet() % PER_DAY == 0) {
			this.clock.advance(Duration.ofDays(1));
		}
		DossierView d = this.intake.intake(this.counter, Api.birth(), List.of()).dossier();
		d = act(this.counter, d, DossierAction.ASSIGN, "quangcu.chuyenvien", null, null);
		d = act(this.specialist, d, DossierAction.FORWARD, "quangcu.lanhdao", null, null);
		d = act(this.leader, d, DossierAction.APPROVE, null, null, null);
		d = act(this.leader, d, DossierAction.RECORD_RESULT, null, "KQ", null);
		act(this.counter, d, DossierAction.RETURN_RESULT, null, null, ReturnChannel.COUNTER);
	}

	private DossierView act(Actor actor, DossierView d, DossierAction action, String assignee, String result,
			ReturnChannel channel) {
		return this.actions.act(actor, d.code(), action,
				new DossierActions.ActionRequest(assignee, null, null, null, result, channel, d.version()));
	}

}
