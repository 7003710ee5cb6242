import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash soak's driver (issue 10; run by scripts/crash-soak.sh, JDK only: {@code java
 * scripts/CrashSoak.java ...}). Several threads drive two instances of MotCua through the
 * REST API as the demo ward's officers (HTTP Basic): first the intakes (a complete birth
 * registration each, every applicant named after the run and the dossier's number, so
 * that a duplicate shows), then the actions on them (assign to the specialist; for one
 * dossier in {@code --full-every}, also forward, approve, record the result and return
 * it). Every request carries an Idempotency-Key of its own and is retried with the same
 * key, against the other instance, on an IOException, a 5xx, a 409
 * IDEMPOTENCY_KEY_IN_PROGRESS or a 429, for up to two minutes; any other answer is
 * recorded as a failure. Every tenth request is sent again after its answer, with its
 * key, to the other instance (an answer lost on the way): it must get the same answer. The progress ({@code phase done total}) is written to a file the
 * script watches to kill an instance. At the end it writes every answered code with its
 * applicant, and every applied action, for the script's checks in the database, and
 * prints the throughput.
 *
 * <pre>
 * java scripts/CrashSoak.java --a http://127.0.0.1:8081 --b http://127.0.0.1:8082 \
 *     --dossiers 2000 --threads 8 --full-every 4 --run soak1 --dir target/crash-soak
 * </pre>
 */
public class CrashSoak {

	static final String PASSWORD = "motcua-demo";

	static final String COUNTER = "quangcu.motcua";

	static final String SPECIALIST = "quangcu.chuyenvien";

	static final String LEADER = "quangcu.lanhdao";

	static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(H56\\.15\\.40-\\d{6}-\\d{4})\"");

	static final Duration GIVE_UP = Duration.ofMinutes(2);

	final List<URI> instances;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final String run;

	final Path dir;

	final AtomicInteger retries = new AtomicInteger();

	final AtomicInteger replays = new AtomicInteger();

	final AtomicInteger resent = new AtomicInteger();

	final AtomicInteger failures = new AtomicInteger();

	final Map<String, AtomicInteger> retryReasons = new ConcurrentHashMap<>();

	final AtomicLong requests = new AtomicLong();

	/** Until when (System.nanoTime) each instance is taken to be down. */
	final long[] downUntil = new long[2];

	final AtomicInteger done = new AtomicInteger();

	volatile String phase = "start";

	volatile int total;

	CrashSoak(List<URI> instances, String run, Path dir) {
		this.instances = instances;
		this.run = run;
		this.dir = dir;
	}

	record Answer(int status, String body) {
	}

	/**
	 * Sends the request with its key, starting at the given instance and switching to
	 * the other on every retry, until an answer that is not worth retrying.
	 */
	Answer send(int home, String user, String path, String body, String key) throws InterruptedException {
		long deadline = System.nanoTime() + GIVE_UP.toNanos();
		// start at the thread's own instance unless it refused a connection a moment ago
		int instance = System.nanoTime() < this.downUntil[home] ? 1 - home : home;
		long pause = 100;
		int attempt = 0;
		while (true) {
			String reason;
			boolean down = false;
			try {
				HttpRequest request = HttpRequest.newBuilder(this.instances.get(instance).resolve(path))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization",
							"Basic " + Base64.getEncoder()
								.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", key)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				this.requests.incrementAndGet();
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				int status = response.statusCode();
				if (status < 500 && status != 429
						&& !(status == 409 && response.body().contains("IDEMPOTENCY_KEY_IN_PROGRESS"))) {
					if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
						this.replays.incrementAndGet();
					}
					return new Answer(status, response.body());
				}
				reason = status == 409 ? "409 in progress" : String.valueOf(status);
			}
			catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException ex) {
				reason = ex.getClass().getSimpleName();
				down = true;
				this.downUntil[instance] = System.nanoTime() + Duration.ofSeconds(3).toNanos();
			}
			catch (IOException ex) {
				reason = ex.getClass().getSimpleName();
			}
			this.retries.incrementAndGet();
			this.retryReasons.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
			if (System.nanoTime() > deadline) {
				return new Answer(-1, "gave up: " + reason);
			}
			instance = 1 - instance;
			// an instance that is down: the other at once; else (or both down) a pause first
			if (!down || ++attempt % 2 == 0) {
				Thread.sleep(pause);
				pause = Math.min(2000, pause * 2);
			}
		}
	}

	/**
	 * A lost answer, simulated: the requests of every tenth dossier are sent again with their keys to the
	 * other instance after it was answered; the second answer must be the first, replayed.
	 */
	Answer again(int home, String user, String path, String body, String key, Answer first, int n, Path failed)
			throws InterruptedException {
		if (n % 10 != 0 || first.status() < 200 || first.status() >= 300) {
			return first;
		}
		this.resent.incrementAndGet();
		Answer second = send(1 - home, user, path, body, key);
		if (second.status() != first.status() || !second.body().equals(first.body())) {
			this.failures.incrementAndGet();
			line(failed, "resent " + key + " answered differently: " + second.status() + " " + second.body());
		}
		return first;
	}

	String applicant(int n) {
		return "Soak " + this.run + " " + n;
	}

	String birth(int n) {
		return """
				{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER",
				 "applicant": {"name": "%s", "idNumber": "038090001234", "phone": "0912345678"},
				 "components": [
				   {"name": "Tờ khai đăng ký khai sinh", "originals": 1},
				   {"name": "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", "originals": 1},
				   {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1}]}"""
			.formatted(applicant(n));
	}

	record Step(String action, String user, String body) {
	}

	static final List<Step> LIFECYCLE = List.of(new Step("assign", COUNTER, "{\"assignee\": \"" + SPECIALIST + "\"}"),
			new Step("forward", SPECIALIST, "{\"assignee\": \"" + LEADER + "\"}"), new Step("approve", LEADER, "{}"),
			new Step("record-result", LEADER, "{\"resultRef\": \"KQ-SOAK\"}"),
			new Step("return-result", COUNTER, "{\"channel\": \"COUNTER\"}"));

	void progress() {
		try {
			Files.writeString(this.dir.resolve("progress"), this.phase + " " + this.done.get() + " " + this.total + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void line(Path file, String text) {
		try {
			synchronized (this) {
				Files.writeString(file, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new ConcurrentHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		int dossiers = Integer.parseInt(options.getOrDefault("dossiers", "2000"));
		int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
		int fullEvery = Integer.parseInt(options.getOrDefault("full-every", "4"));
		Path dir = Path.of(options.getOrDefault("dir", "target/crash-soak"));
		Files.createDirectories(dir);
		CrashSoak soak = new CrashSoak(
				List.of(URI.create(options.getOrDefault("a", "http://127.0.0.1:8081")),
						URI.create(options.getOrDefault("b", "http://127.0.0.1:8082"))),
				options.getOrDefault("run", "run" + System.currentTimeMillis()), dir);
		soak.go(dossiers, threads, fullEvery);
	}

	void go(int dossiers, int threads, int fullEvery) throws Exception {
		Path answered = this.dir.resolve("answered.csv");
		Path applied = this.dir.resolve("applied.csv");
		Path failed = this.dir.resolve("failed.txt");
		Files.deleteIfExists(answered);
		Files.deleteIfExists(applied);
		Files.deleteIfExists(failed);
		String[] codes = new String[dossiers];
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		Thread reporter = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				progress();
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		reporter.setDaemon(true);
		reporter.start();

		// phase 1: the intakes
		this.phase = "intake";
		this.total = dossiers;
		this.done.set(0);
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int first = t % 2;
			workers.add(pool.submit(() -> {
				for (int n = next.getAndIncrement(); n < dossiers; n = next.getAndIncrement()) {
					String key = this.run + "-" + n + "-intake";
					Answer a = again(first, COUNTER, "/api/v1/dossiers", birth(n), key,
							send(first, COUNTER, "/api/v1/dossiers", birth(n), key), n, failed);
					Matcher m = CODE.matcher(a.body());
					if (a.status() == 201 && m.find()) {
						codes[n] = m.group(1);
						line(answered, codes[n] + "," + applicant(n));
					}
					else {
						this.failures.incrementAndGet();
						line(failed, "intake " + n + ": " + a.status() + " " + a.body());
					}
					this.done.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> w : workers) {
			w.get();
		}
		double intakeSeconds = (System.nanoTime() - start) / 1e9;
		int intakes = (int) java.util.Arrays.stream(codes).filter(c -> c != null).count();
		long intakeRequests = this.requests.get();

		// phase 2: the actions
		this.phase = "actions";
		int actions = 0;
		for (int n = 0; n < dossiers; n++) {
			actions += codes[n] == null ? 0 : (n % fullEvery == 0 ? LIFECYCLE.size() : 1);
		}
		this.total = actions;
		this.done.set(0);
		next.set(0);
		AtomicInteger appliedCount = new AtomicInteger();
		long actionsStart = System.nanoTime();
		workers.clear();
		for (int t = 0; t < threads; t++) {
			int first = t % 2;
			workers.add(pool.submit(() -> {
				for (int n = next.getAndIncrement(); n < dossiers; n = next.getAndIncrement()) {
					if (codes[n] == null) {
						continue;
					}
					List<Step> steps = n % fullEvery == 0 ? LIFECYCLE : LIFECYCLE.subList(0, 1);
					for (Step step : steps) {
						String path = "/api/v1/dossiers/" + codes[n] + "/actions/" + step.action();
						String key = this.run + "-" + n + "-" + step.action();
						Answer a = again(first, step.user(), path, step.body(), key,
								send(first, step.user(), path, step.body(), key), n, failed);
						this.done.incrementAndGet();
						if (a.status() == 200) {
							appliedCount.incrementAndGet();
							line(applied, codes[n] + "," + step.action());
						}
						else {
							this.failures.incrementAndGet();
							line(failed, step.action() + " " + codes[n] + ": " + a.status() + " " + a.body());
							break;
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> w : workers) {
			w.get();
		}
		double actionSeconds = (System.nanoTime() - actionsStart) / 1e9;
		pool.shutdown();
		this.phase = "done";
		progress();
		reporter.interrupt();
		System.out.printf("intakes answered: %d of %d in %.1f s: %.1f intakes/s through the API on two instances"
				+ " (%d requests with retries)%n", intakes, dossiers, intakeSeconds, intakes / intakeSeconds,
				intakeRequests);
		System.out.printf("actions answered: %d of %d in %.1f s: %.1f actions/s%n", appliedCount.get(), actions,
				actionSeconds, appliedCount.get() / actionSeconds);
		System.out.printf(
				"requests sent: %d; retries: %d %s; sent again after their answer: %d; answers replayed: %d;"
						+ " failures: %d%n",
				this.requests.get(), this.retries.get(), new java.util.TreeMap<>(this.retryReasons), this.resent.get(),
				this.replays.get(), this.failures.get());
		System.exit(this.failures.get() == 0 ? 0 : 1);
	}

}
