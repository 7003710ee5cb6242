package vn.motcua.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A budget is used up (HTTP 429): the request was not carried out; it may be tried again
 * after {@link #retryAfter()} (the {@code Retry-After} header).
 */
public final class RateLimited extends Problem {

	private final Budget budget;

	private final Duration retryAfter;

	public RateLimited(Budget budget, int limit, Duration window, Duration retryAfter) {
		super(Kind.RATE_LIMITED, ProblemCode.TOO_MANY_REQUESTS, detail(budget, limit, window, retryAfter), List.of());
		this.budget = budget;
		this.retryAfter = retryAfter;
	}

	private static String detail(Budget budget, int limit, Duration window, Duration retryAfter) {
		String what = switch (budget) {
			case LOOKUP -> "look-ups from one address";
			case RATING -> "ratings from one address";
			case SUBMISSION -> "online submissions from one address";
			case CODE_ENTRY -> "verification codes from one address";
			case WRONG_DIGITS -> "wrong codes or digits for one dossier";
			case SIGNIN -> "failed sign-ins to one account from one address";
			case SIGNIN_ADDRESS -> "failed sign-ins from one address";
			case SIGNIN_ACCOUNT -> "failed sign-ins to one account";
			case SIGNATURE_CHECK -> "signature checks from one address";
		};
		return "At most " + limit + " " + what + " per " + Limits.words(window) + "; try again in "
				+ Limits.words(retryAfter);
	}

	public Budget budget() {
		return this.budget;
	}

	/** How long until the budget has room again (at least a second). */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** The {@code Retry-After} header's value: whole seconds, rounded up. */
	public String retryAfterSeconds() {
		return String.valueOf(this.retryAfter.toSeconds() + (this.retryAfter.toNanosPart() > 0 ? 1 : 0));
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("retryAfter", Long.parseLong(retryAfterSeconds()));
	}

	/** Durations in words for the API's detail. */
	static final class Limits {

		private Limits() {
		}

		static String words(Duration d) {
			long seconds = Math.max(1, d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0));
			if (seconds % 86_400 == 0) {
				return plural(seconds / 86_400, "day");
			}
			if (seconds >= 3_600 && seconds % 3_600 == 0) {
				return plural(seconds / 3_600, "hour");
			}
			if (seconds >= 60) {
				return plural((seconds + 59) / 60, "minute");
			}
			return plural(seconds, "second");
		}

		private static String plural(long n, String unit) {
			return n + " " + unit + (n == 1 ? "" : "s");
		}

	}

}
