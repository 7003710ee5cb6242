package vn.motcua.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} attempts per key (a client address) in a sliding window. Kept in
 * memory, so each application instance counts on its own; keys whose window is empty are
 * dropped as they are seen.
 */
public final class RateLimiter {

	private final int limit;

	private final Duration window;

	private final InstantSource clock;

	private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

	public RateLimiter(int limit, Duration window, InstantSource clock) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Counts an attempt for the key; false when the key has used up its attempts in the
	 * window.
	 */
	public boolean tryAcquire(String key) {
		Instant now = this.clock.instant();
		Instant from = now.minus(this.window);
		Deque<Instant> times = this.attempts.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && !times.peekFirst().isAfter(from)) {
				times.pollFirst();
			}
			if (times.size() >= this.limit) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

	public int limit() {
		return this.limit;
	}

	public Duration window() {
		return this.window;
	}

}
