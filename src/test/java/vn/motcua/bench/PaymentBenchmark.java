package vn.motcua.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.it.MutableClock;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.payment.IpnAnswer;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentSweeps;
import vn.motcua.payment.Payments;
import vn.motcua.payment.internal.VnPaySettings;
import vn.motcua.payment.internal.VnPaySignature;

import static vn.motcua.shared.Sql.utc;

/**
 * Payments (issue 13). IPNs verified and applied per second: {@code bench.ipns} (1,000)
 * dossiers of a fee procedure received through the real intake, an online order started
 * for each, then one signed success IPN each through {@code Payments.ipn} (signature,
 * order, merchant, amount, the conditional update, the dossier told, the event), on one
 * thread and then, for another set, on four; then every IPN again (replays answered 02).
 * The expiry sweep: 100,000 pending orders past their lifetime written directly, then one
 * {@code PaymentSweeps.expire()}; again with two sweeps at once (two instances).
 */
final class PaymentBenchmark {

	static final int IPNS = Integer.getInteger("bench.ipns", 1_000);

	static final int SWEPT = 100_000;

	private PaymentBenchmark() {
	}

	static void run(String db) throws Exception {
		try (ConfigurableApplicationContext context = BenchApplication.start(db, true,
				Map.of("motcua.payment.sweep-every", "PT24H", "motcua.payment.secret-dir", "target/bench-payment"))) {
			MutableClock clock = context.getBean(MutableClock.class);
			clock.set(Instant.parse("2025-03-04T02:00:00Z"));
			Payments payments = context.getBean(Payments.class);
			VnPaySettings settings = context.getBean(VnPaySettings.class);
			// a first set, not measured, so that the code is compiled before the runs
			apply(payments, ipns(context, settings, payments, 200), 1, "00");
			List<Map<String, String>> single = ipns(context, settings, payments, IPNS);
			List<Map<String, String>> four = ipns(context, settings, payments, IPNS);
			double one = apply(payments, single, 1, "00");
			double parallel = apply(payments, four, 4, "00");
			double replays = apply(payments, single, 4, "02");
			System.out.printf(
					"IPNs verified and applied on %s: %.0f/s on 1 thread, %.0f/s on 4 threads"
							+ " (%d each); replays answered 02: %.0f/s on 4 threads%n",
					db, one, parallel, IPNS, replays);
			sweep(context, clock, db);
		}
	}

	/** Dossiers with a fee, an online order each, and the signed success IPN of each. */
	static List<Map<String, String>> ipns(ConfigurableApplicationContext context, VnPaySettings settings,
			Payments payments, int count) {
		DossierIntake intake = context.getBean(DossierIntake.class);
		Catalog catalog = context.getBean(Catalog.class);
		Actor counter = Actor.of(context.getBean(Officers.class).find("quangcu.motcua").orElseThrow());
		List<SubmittedComponent> components = catalog.get("H56.15.40", "1.004859", catalog.today())
			.content()
			.components()
			.stream()
			.filter(c -> c.mandatory())
			.map(c -> new SubmittedComponent(c.name(), Math.max(1, c.originals()), c.copies()))
			.toList();
		List<Map<String, String>> ipns = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String code = intake
				.intake(counter,
						new DossierIntake.IntakeRequest("H56.15.40", "1.004859", Channel.COUNTER,
								new Applicant("Người Nộp " + i, null, null, null, null), components, false, null),
						List.of())
				.dossier()
				.code();
			Payment p = payments.startOnline(code, UUID.randomUUID().toString(), "203.0.113.7").payment();
			Map<String, String> f = new HashMap<>();
			f.put("vnp_Amount", Long.toString(p.amount() * 100));
			f.put("vnp_BankCode", "NCB");
			f.put("vnp_CardType", "ATM");
			f.put("vnp_OrderInfo", "Thanh toan phi ho so " + code);
			f.put("vnp_PayDate", "20250304091500");
			f.put("vnp_ResponseCode", "00");
			f.put("vnp_TmnCode", settings.tmnCode());
			f.put("vnp_TransactionNo", Integer.toString(14_000_000 + i));
			f.put("vnp_TransactionStatus", "00");
			f.put("vnp_TxnRef", p.reference());
			f.put(VnPaySignature.SECURE_HASH, VnPaySignature.sign(f, settings.hashSecret()));
			ipns.add(f);
		}
		return ipns;
	}

	/** Sends the IPNs on the threads; IPNs per second. */
	static double apply(Payments payments, List<Map<String, String>> ipns, int threads, String expected)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			long start = System.nanoTime();
			List<Future<IpnAnswer>> answers = new ArrayList<>();
			for (Map<String, String> f : ipns) {
				answers.add(pool.submit(() -> payments.ipn(f)));
			}
			for (Future<IpnAnswer> a : answers) {
				if (!expected.equals(a.get().rspCode())) {
					throw new IllegalStateException("an IPN answered " + a.get());
				}
			}
			return ipns.size() / ((System.nanoTime() - start) / 1e9);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * 100,000 pending orders past their lifetime, expired by one sweep, then by two at
	 * once.
	 */
	static void sweep(ConfigurableApplicationContext context, MutableClock clock, String db) throws Exception {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		PaymentSweeps sweeps = context.getBean(PaymentSweeps.class);
		for (String round : List.of("a", "b")) {
			write(jdbc, clock.instant(), round);
			clock.advance(Duration.ofMinutes(21));
			jdbc.sql("postgres".equals(db) ? "analyze payment_order" : "analyze table payment_order").update();
			long start = System.nanoTime();
			int expired;
			if (round.equals("a")) {
				expired = sweeps.expire();
			}
			else {
				ExecutorService pool = Executors.newFixedThreadPool(2);
				Future<Integer> x = pool.submit(sweeps::expire);
				Future<Integer> y = pool.submit(sweeps::expire);
				expired = x.get() + y.get();
				pool.shutdown();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("expiry sweep on %s (%s): %d of %d orders expired in %.2f s (%.0f/s)%n", db,
					round.equals("a") ? "one sweep" : "two sweeps at once", expired, SWEPT, seconds, expired / seconds);
		}
	}

	static void write(JdbcClient jdbc, Instant now, String round) {
		int batch = 5_000;
		for (int from = 0; from < SWEPT; from += batch) {
			StringBuilder sql = new StringBuilder(
					"insert into payment_order (reference, dossier_code, unit_code, procedure_code, amount, currency,"
							+ " method, gateway, status, created_at, expires_at, live_dossier) values ");
			List<Object> params = new ArrayList<>();
			for (int i = from; i < from + batch; i++) {
				String code = "BENCH-" + round + "-" + i;
				sql.append(i == from ? "" : ",")
					.append("(?, ?, 'H56.15.40', '1.004859', 15000, 'VND', 'ONLINE',"
							+ " 'VNPAY', 'PENDING', ?, ?, ?)");
				params.add("MCB" + round + i);
				params.add(code);
				params.add(utc(now));
				params.add(utc(now.plus(Duration.ofMinutes(15))));
				params.add(code);
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
	}

}
