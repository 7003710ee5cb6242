package vn.motcua.shared;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, with a stable machine-readable {@code code}. The web
 * layers turn it into an RFC 9457 problem detail (REST) or a form message (pages); the
 * domain never knows HTTP.
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
		RATE_LIMITED

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

	public Problem(Kind kind, String code, String detail, List<Violation> violations) {
		super(detail);
		this.kind = kind;
		this.code = code;
		this.violations = List.copyOf(violations);
	}

	public static Problem notFound(String code, String field, String detail) {
		return new Problem(Kind.NOT_FOUND, code, detail, List.of(Violation.of(field, detail)));
	}

	public static Problem invalid(String code, String field, String detail) {
		return new Problem(Kind.INVALID, code, detail, List.of(Violation.of(field, detail)));
	}

	public static Problem invalid(String code, String detail, List<Violation> violations) {
		return new Problem(Kind.INVALID, code, detail, violations);
	}

	public Kind kind() {
		return this.kind;
	}

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
