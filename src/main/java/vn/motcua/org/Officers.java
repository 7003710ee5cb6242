package vn.motcua.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.org.internal.OfficerStore;
import vn.motcua.shared.Problem;
import vn.motcua.shared.Problem.Violation;

/** Officers of the units: look-up and registration. Passwords arrive already hashed. */
@Service
public class Officers {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

	private final OfficerStore store;

	private final Units units;

	Officers(OfficerStore store, Units units) {
		this.store = store;
		this.units = units;
	}

	public Optional<Officer> find(String username) {
		return username == null ? Optional.empty() : this.store.find(username);
	}

	/**
	 * The signed-in user as the domain sees them: an officer of a unit, or, for a user
	 * who is no officer but signed in as the administrator, the administrator.
	 * @throws Problem (forbidden) for anyone else
	 */
	public Actor actor(String username, boolean administrator) {
		return find(username).map(Actor::of).orElseGet(() -> {
			if (!administrator) {
				throw new Problem(Problem.Kind.FORBIDDEN, "NOT_ALLOWED", "No officer account", List.of());
			}
			return Actor.administrator(username);
		});
	}

	/** The officer's bcrypt hash, for signing in. */
	public Optional<String> passwordHash(String username) {
		return this.store.passwordHash(username);
	}

	/** Failed sign-ins in a row that lock an officer out, and for how long. */
	public static final int LOCK_AFTER = 5;

	public static final java.time.Duration LOCK_FOR = java.time.Duration.ofMinutes(15);

	/** Whether the officer is locked out now after too many failed sign-ins. */
	public boolean isLocked(String username, java.time.Instant now) {
		return this.store.lockedUntil(username).map(now::isBefore).orElse(false);
	}

	/** Records a sign-in attempt (audit) and counts failures toward the lock-out. */
	@Transactional
	public void signIn(String username, boolean success, String remote, java.time.Instant now) {
		boolean known = this.store.find(username).isPresent();
		if (known && success) {
			this.store.succeeded(username);
		}
		else if (known) {
			this.store.failed(username, LOCK_AFTER, now.plus(LOCK_FOR));
		}
		this.store.audit(now, username, success ? "SUCCESS" : known ? "FAILURE" : "UNKNOWN_USER", remote);
	}

	/** Records a sign-in attempt refused for another reason (locked out, disabled). */
	@Transactional
	public void audit(String username, String outcome, String remote, java.time.Instant now) {
		this.store.audit(now, username, outcome, remote);
	}

	public List<Officer> ofUnit(String unitCode) {
		return this.store.ofUnit(unitCode);
	}

	@Transactional
	public Officer register(String username, String fullName, String unitCode, Set<Role> roles, String passwordHash) {
		List<Violation> violations = new ArrayList<>();
		if (username == null || !USERNAME.matcher(username).matches()) {
			violations.add(Violation.of("username", "3 to 60 lower-case letters, digits, '.', '_' or '-'"));
		}
		else if (this.store.find(username).isPresent()) {
			violations.add(Violation.of("username", "'" + username + "' is taken"));
		}
		if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
			violations.add(Violation.of("fullName", "must not be blank, at most 200 characters"));
		}
		if (roles == null || roles.isEmpty()) {
			violations.add(Violation.of("roles", "at least one role"));
		}
		if (this.units.find(unitCode).isEmpty()) {
			violations.add(Violation.of("unitCode", "no unit has the code '" + unitCode + "'"));
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid("OFFICER_INVALID", "The officer cannot be registered", violations);
		}
		Officer officer = new Officer(username, fullName.strip(), unitCode, roles, true);
		this.store.insert(officer, passwordHash);
		return officer;
	}

	/**
	 * The signed-in user as the domain sees them, for the pages and the API alike: an
	 * officer of a unit, or the administrator (a user signed in with the administrator's
	 * authority who is no officer).
	 * @throws Problem (forbidden) when nobody is signed in, or for anyone else
	 */
	public Actor actor(org.springframework.security.core.Authentication user) {
		if (user == null || !user.isAuthenticated()) {
			throw new Problem(Problem.Kind.FORBIDDEN, "UNAUTHENTICATED", "Sign in first", List.of());
		}
		return actor(user.getName(),
				user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMINISTRATOR".equals(a.getAuthority())));
	}

}
