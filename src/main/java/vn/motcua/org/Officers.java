package vn.motcua.org;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.org.internal.OfficerStore;
import vn.motcua.shared.PlainText;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.Problem.Violation;

/**
 * Officers of the units: look-up, sign-in bookkeeping, and their administration
 * (register, change roles or unit, deactivate, reactivate, reset the password), each
 * change audited. The administrator of a unit (or the system administrator) administers
 * its officers.
 */
@Service
public class Officers {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

	/** The shortest password an administrator may give. */
	public static final int MIN_PASSWORD_LENGTH = 10;

	/** The longest password, in UTF-8 bytes: bcrypt reads no more. */
	static final int MAX_PASSWORD_BYTES = 72;

	/** The longest full name and list of roles ({@code org_officer}'s columns). */
	static final int MAX_FULL_NAME = 200;

	static final int MAX_ROLES = 200;

	private final OfficerStore store;

	private final Units units;

	private final PasswordEncoder passwords;

	private final Clock clock;

	Officers(OfficerStore store, Units units, PasswordEncoder passwords, Clock clock) {
		this.store = store;
		this.units = units;
		this.passwords = passwords;
		this.clock = clock;
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
		Optional<Officer> officer = find(username);
		if (officer.isPresent() && !officer.get().active()) {
			// deactivated while signed in: from the next request on, no reading and no
			// acting
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED, "The officer account is deactivated",
					List.of());
		}
		return officer.map(Actor::of).orElseGet(() -> {
			if (!administrator) {
				throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED, "No officer account", List.of());
			}
			return Actor.administrator(username);
		});
	}

	/** The officer's bcrypt hash, for signing in. */
	public Optional<String> passwordHash(String username) {
		return this.store.passwordHash(username);
	}

	/**
	 * Whether the officer was locked out (by failed sign-ins before ADR 22, which no
	 * longer lock; a new password lifts it).
	 */
	public boolean isLocked(String username, Instant now) {
		return this.store.lockedUntil(username).map(now::isBefore).orElse(false);
	}

	/**
	 * Records a sign-in attempt (audit): {@code SUCCESS}, {@code FAILURE} (a known user
	 * name) or {@code UNKNOWN_USER}. Failures lock nobody out: the throttling of ADR 22
	 * slows guessing per account and address instead.
	 */
	@Transactional
	public void signIn(String username, boolean success, String remote, Instant now) {
		boolean known = this.store.find(username).isPresent();
		this.store.audit(now, username, success ? "SUCCESS" : known ? "FAILURE" : "UNKNOWN_USER", remote);
	}

	/**
	 * Whether the account (an officer or the administrator) signed in successfully from
	 * this address since then: a known place, which throttling of the account spares.
	 */
	public boolean signedInFrom(String username, String remote, Instant since) {
		return remote != null && this.store.signedInFrom(username, remote, since);
	}

	/** Records a sign-in attempt refused for another reason (locked out, disabled). */
	@Transactional
	public void audit(String username, String outcome, String remote, Instant now) {
		this.store.audit(now, username, outcome, remote);
	}

	public List<Officer> ofUnit(String unitCode) {
		return this.store.ofUnit(unitCode);
	}

	/**
	 * Registers an officer with a password hashed already: for loading officers (the demo
	 * ward), audited as registered by {@code system}.
	 */
	@Transactional
	public Officer register(String username, String fullName, String unitCode, Set<Role> roles, String passwordHash) {
		List<Violation> violations = new ArrayList<>();
		checkNew(username, fullName, unitCode, roles, violations);
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.OFFICER_INVALID, "The officer cannot be registered", violations);
		}
		return insert("system", username, fullName, unitCode, roles, passwordHash);
	}

	/**
	 * Registers an officer with an initial password, which is hashed and never kept.
	 * @throws Problem invalid naming each wrong field; forbidden when the actor does not
	 * administer the unit
	 */
	@Transactional
	public Officer register(Actor by, String username, String fullName, String unitCode, Set<Role> roles,
			String password) {
		List<Violation> violations = new ArrayList<>();
		checkNew(username, fullName, unitCode, roles, violations);
		checkPassword(password, violations);
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.OFFICER_INVALID, "The officer cannot be registered", violations);
		}
		requireAdministrator(by, unitCode);
		return insert(by.username(), username, fullName, unitCode, roles, this.passwords.encode(password));
	}

	/**
	 * A unit's officers, for its administrator.
	 * @throws UnitNotFound when no unit has the code
	 */
	public List<Officer> ofUnit(Actor by, String unitCode) {
		this.units.get("unit", unitCode);
		requireAdministrator(by, unitCode);
		return this.store.ofUnit(unitCode);
	}

	/**
	 * One officer, for the administrator of their unit.
	 * @throws OfficerNotFound when there is none
	 */
	public Officer get(Actor by, String username) {
		Officer officer = find(username).orElseThrow(() -> OfficerNotFound.forUsername(username));
		requireAdministrator(by, officer.unitCode());
		return officer;
	}

	/**
	 * Changes an officer's roles, unit or both; {@code null} leaves one as it is. Moving
	 * an officer takes an administrator of both units.
	 * @throws OfficerNotFound when there is none
	 */
	@Transactional
	public Officer change(Actor by, String username, Set<Role> roles, String unitCode) {
		Officer officer = lock(by, username);
		List<Violation> violations = new ArrayList<>();
		if (roles == null && unitCode == null) {
			violations.add(Violation.of("roles", "give the new roles, the new unit or both"));
		}
		if (roles != null) {
			checkRoles(roles, violations);
		}
		if (unitCode != null && this.units.find(unitCode).isEmpty()) {
			violations.add(Violation.of("unitCode", "no unit has the code '" + unitCode + "'"));
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.OFFICER_INVALID, "The officer cannot be changed", violations);
		}
		Instant now = this.clock.instant();
		Officer changed = officer;
		if (roles != null && !roles.equals(officer.roles())) {
			changed = new Officer(username, officer.fullName(), officer.unitCode(), roles, officer.active());
			this.store.record(OfficerAuditEntry.rolesChanged(now, by.username(), username, officer.roles(), roles));
		}
		if (unitCode != null && !unitCode.equals(officer.unitCode())) {
			requireAdministrator(by, unitCode);
			changed = new Officer(username, officer.fullName(), unitCode, changed.roles(), officer.active());
			this.store
				.record(OfficerAuditEntry.unitChanged(now, by.username(), username, officer.unitCode(), unitCode));
		}
		if (changed != officer) {
			this.store.update(changed);
		}
		return changed;
	}

	/**
	 * Deactivates an officer: they can no longer sign in, and a session they hold acts
	 * with no role ({@link Actor#of}).
	 * @throws OfficerNotFound when there is none
	 * @throws Problem conflict when they are inactive already
	 */
	@Transactional
	public Officer deactivate(Actor by, String username) {
		return setActive(by, username, false);
	}

	/**
	 * @throws OfficerNotFound when there is none
	 * @throws Problem conflict when they are active already
	 */
	@Transactional
	public Officer reactivate(Actor by, String username) {
		return setActive(by, username, true);
	}

	/**
	 * Sets a new password given by the administrator, and lifts a lock-out after failed
	 * sign-ins.
	 * @throws OfficerNotFound when there is none
	 * @throws Problem invalid when the password is too short or too long
	 */
	@Transactional
	public void resetPassword(Actor by, String username, String password) {
		lock(by, username);
		List<Violation> violations = new ArrayList<>();
		checkPassword(password, violations);
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.PASSWORD_INVALID, "The password cannot be set", violations);
		}
		this.store.resetPassword(username, this.passwords.encode(password));
		this.store.record(new OfficerAuditEntry(this.clock.instant(), by.username(), username,
				OfficerChange.PASSWORD_RESET, "new password set; lock-out lifted"));
	}

	/** An e-mail address, as the online submission checks it too. */
	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	/**
	 * A Vietnamese mobile number (DOMAIN §6b): 10 digits starting with 0, or +84 and 9
	 * digits.
	 */
	static final Pattern MOBILE = Pattern.compile("0\\d{9}|\\+84\\d{9}");

	/**
	 * Where the officer is told of their work, for the notifications: their e-mail and
	 * phone, if there is such an officer.
	 */
	public Optional<OfficerContact> contact(String username) {
		return username == null ? Optional.empty() : this.store.contact(username);
	}

	/**
	 * The officer's contact, for the administrator of their unit.
	 * @throws OfficerNotFound when there is none
	 */
	public OfficerContact contact(Actor by, String username) {
		get(by, username);
		return this.store.contact(username).orElseThrow(() -> OfficerNotFound.forUsername(username));
	}

	/**
	 * Sets the officer's e-mail address and mobile phone (blank or null: none), audited.
	 * @throws OfficerNotFound when there is none
	 * @throws Problem invalid naming each wrong field; forbidden when the actor does not
	 * administer the officer's unit
	 */
	@Transactional
	public OfficerContact changeContact(Actor by, String username, String email, String phone) {
		lock(by, username);
		String e = email == null || email.isBlank() ? null : email.strip();
		String p = phone == null || phone.isBlank() ? null : phone.strip().replace(" ", "").replace(".", "");
		List<Violation> violations = new ArrayList<>();
		if (e != null && (e.length() > OfficerContact.MAX_EMAIL || !EMAIL.matcher(e).matches())) {
			violations
				.add(Violation.of("email", "an e-mail address of at most " + OfficerContact.MAX_EMAIL + " characters"));
		}
		if (p != null && !MOBILE.matcher(p).matches()) {
			violations.add(Violation.of("phone", "a mobile number: 10 digits starting with 0, or +84 and 9 digits"));
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.OFFICER_INVALID, "The officer's contact cannot be set", violations);
		}
		OfficerContact before = this.store.contact(username).orElseThrow();
		this.store.changeContact(username, e, p);
		this.store.record(new OfficerAuditEntry(this.clock.instant(), by.username(), username,
				OfficerChange.CONTACT_CHANGED, "e-mail " + orNone(before.email()) + " → " + orNone(e) + "; phone "
						+ orNone(before.phone()) + " → " + orNone(p)));
		return new OfficerContact(username, before.fullName(), e, p);
	}

	/**
	 * Sets an officer's contact when loading officers (the demo ward), audited as set by
	 * {@code system}.
	 */
	@Transactional
	public void changeContact(String username, String email, String phone) {
		changeContact(Actor.administrator("system"), username, email, phone);
	}

	private static String orNone(String value) {
		return value == null ? "none" : value;
	}

	/**
	 * What administrators changed about the officer, oldest first.
	 * @throws OfficerNotFound when there is none
	 */
	public List<OfficerAuditEntry> changes(Actor by, String username) {
		get(by, username);
		return this.store.changes(username);
	}

	private Officer setActive(Actor by, String username, boolean active) {
		Officer officer = lock(by, username);
		if (officer.active() == active) {
			throw new Problem(Problem.Kind.CONFLICT, active ? ProblemCode.OFFICER_ACTIVE : ProblemCode.OFFICER_INACTIVE,
					"The officer '" + username + "' is " + (active ? "active" : "inactive") + " already",
					List.of(Violation.of("active", "is " + active + " already")));
		}
		Officer changed = new Officer(username, officer.fullName(), officer.unitCode(), officer.roles(), active);
		this.store.update(changed);
		this.store.record(new OfficerAuditEntry(this.clock.instant(), by.username(), username,
				active ? OfficerChange.REACTIVATED : OfficerChange.DEACTIVATED,
				active ? "inactive → active" : "active → inactive"));
		return changed;
	}

	private Officer lock(Actor by, String username) {
		Officer officer = (username == null ? Optional.<Officer>empty() : this.store.lock(username))
			.orElseThrow(() -> OfficerNotFound.forUsername(username));
		requireAdministrator(by, officer.unitCode());
		return officer;
	}

	private Officer insert(String by, String username, String fullName, String unitCode, Set<Role> roles,
			String passwordHash) {
		Officer officer = new Officer(username, fullName.strip(), unitCode, roles, true);
		this.store.insert(officer, passwordHash);
		this.store.record(OfficerAuditEntry.registered(this.clock.instant(), by, username, unitCode, roles));
		return officer;
	}

	private void checkNew(String username, String fullName, String unitCode, Set<Role> roles,
			List<Violation> violations) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			violations.add(Violation.of("username", "3 to 60 lower-case letters, digits, '.', '_' or '-'"));
		}
		else if (this.store.find(username).isPresent()) {
			violations.add(Violation.of("username", "'" + username + "' is taken"));
		}
		if (fullName == null || fullName.isBlank() || fullName.strip().length() > MAX_FULL_NAME
				|| PlainText.hasControl(fullName)) {
			violations.add(Violation.of("fullName", "must not be blank, at most " + MAX_FULL_NAME + " characters"));
		}
		checkRoles(roles, violations);
		if (this.units.find(unitCode).isEmpty()) {
			violations.add(Violation.of("unitCode", "no unit has the code '" + unitCode + "'"));
		}
	}

	private static void checkRoles(Set<Role> roles, List<Violation> violations) {
		if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
			violations.add(Violation.of("roles", "at least one role"));
		}
		else if (roles.contains(Role.CITIZEN)) {
			violations.add(Violation.of("roles", "CITIZEN is not an officer's role"));
		}
		else if (roles(roles).length() > MAX_ROLES) {
			violations.add(Violation.of("roles", "at most " + MAX_ROLES + " characters together"));
		}
	}

	private static void checkPassword(String password, List<Violation> violations) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
			violations.add(Violation.of("password", "at least " + MIN_PASSWORD_LENGTH + " characters"));
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			violations.add(Violation.of("password", "at most " + MAX_PASSWORD_BYTES + " bytes (bcrypt reads no more)"));
		}
	}

	private static void requireAdministrator(Actor by, String unitCode) {
		if (!by.administers(unitCode)) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Only an administrator of " + unitCode + " administers its officers", List.of());
		}
	}

	private static String roles(Set<Role> roles) {
		return OfficerAuditEntry.roles(roles);
	}

	/**
	 * The signed-in user as the domain sees them, for the pages and the API alike: an
	 * officer of a unit, or the administrator (a user signed in with the administrator's
	 * authority who is no officer).
	 * @throws Problem (forbidden) when nobody is signed in, or for anyone else
	 */
	public Actor actor(org.springframework.security.core.Authentication user) {
		if (user == null || !user.isAuthenticated()) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.UNAUTHENTICATED, "Sign in first", List.of());
		}
		return actor(user.getName(),
				user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMINISTRATOR".equals(a.getAuthority())));
	}

}
