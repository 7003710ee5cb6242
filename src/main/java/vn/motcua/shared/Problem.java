package vn.motcua.shared;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, with a stable machine-readable {@link ProblemCode}.
 * The web layers turn it into an RFC 9457 problem detail (REST) or a form message
 * (pages); the domain never knows HTTP.
 */
public class Problem extends RuntimeException {

	/** What kind of failure, which the web layers map to a status. */
	public enum Kind {

		/** The thing asked for does not exist (404). */
		NOT_FOUND,
		/** The input is wrong (400). */
		INVALID,
		/** The input is fine but clashes with the current state (409). */
		CONFLICT,
		/** The actor's role, unit or assignment does not allow it (403). */
		FORBIDDEN,
		/** Too many attempts in a while (429). */
		RATE_LIMITED;

		/**
		 * The HTTP status of this kind, for the API and the pages alike (the one mapping
		 * from problem to status).
		 */
		public int status() {
			return switch (this) {
				case NOT_FOUND -> 404;
				case INVALID -> 400;
				case CONFLICT -> 409;
				case FORBIDDEN -> 403;
				case RATE_LIMITED -> 429;
			};
		}

	}

	/** One wrong value: which field (or line of an import), and why. */
	public record Violation(String field, Integer line, String reason) {

		public static Violation of(String field, String reason) {
			return new Violation(field, null, reason);
		}

		public static Violation atLine(int line, String field, String reason) {
			return new Violation(field, line, reason);
		}

	}

	private final Kind kind;

	private final String code;

	private final List<Violation> violations;

	public Problem(Kind kind, ProblemCode code, String detail, List<Violation> violations) {
		super(detail);
		this.kind = kind;
		this.code = code.name();
		this.violations = List.copyOf(violations);
	}

	/** Nothing has the value given in {@code field} (404). */
	public static Problem notFound(ProblemCode code, String field, String detail) {
		return new Problem(Kind.NOT_FOUND, code, detail, List.of(Violation.of(field, detail)));
	}

	/** One field is wrong (400). */
	public static Problem invalid(ProblemCode code, String field, String detail) {
		return new Problem(Kind.INVALID, code, detail, List.of(Violation.of(field, detail)));
	}

	/** Several fields (or lines) are wrong (400). */
	public static Problem invalid(ProblemCode code, String detail, List<Violation> violations) {
		return new Problem(Kind.INVALID, code, detail, violations);
	}

	public Kind kind() {
		return this.kind;
	}

	/**
	 * The code's name, e.g. {@code "UNIT_NOT_FOUND"}: the problem detail's {@code code}
	 * and the pages' message key {@code problem.<code>}.
	 */
	public String code() {
		return this.code;
	}

	public List<Violation> violations() {
		return this.violations;
	}

	/** More members for the problem detail, e.g. the current state after a conflict. */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
