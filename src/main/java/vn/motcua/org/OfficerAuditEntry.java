package vn.motcua.org;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One change an administrator made to an officer. The detail's format is written and read
 * here only: {@code unit H81; roles A,B} for a registration, {@code A → A,B} for roles,
 * {@code H81 → H82} for a unit; {@link #values()} reads it back for the pages.
 *
 * @param actor the administrator who made it
 * @param username the officer changed
 * @param detail what it was and what it became; never a password
 */
public record OfficerAuditEntry(Instant at, String actor, String username, OfficerChange change, String detail) {

	private static final String ARROW = " → ";

	private static final Pattern REGISTERED = Pattern.compile("unit (\\S+); roles (.*)");

	/**
	 * The unit and roles an entry names, read back from its detail: at registration the
	 * unit and roles given, for a change of roles or unit what it was and what it became.
	 * A part the entry does not name is {@code null}.
	 */
	public record Values(String unitBefore, String unit, Set<Role> rolesBefore, Set<Role> roles) {

		static final Values NONE = new Values(null, null, null, null);

	}

	static OfficerAuditEntry registered(Instant at, String actor, String username, String unitCode, Set<Role> roles) {
		return new OfficerAuditEntry(at, actor, username, OfficerChange.REGISTERED,
				"unit " + unitCode + "; roles " + roles(roles));
	}

	static OfficerAuditEntry rolesChanged(Instant at, String actor, String username, Set<Role> before,
			Set<Role> after) {
		return new OfficerAuditEntry(at, actor, username, OfficerChange.ROLES_CHANGED,
				roles(before) + ARROW + roles(after));
	}

	static OfficerAuditEntry unitChanged(Instant at, String actor, String username, String before, String after) {
		return new OfficerAuditEntry(at, actor, username, OfficerChange.UNIT_CHANGED, before + ARROW + after);
	}

	/** The roles as the detail and the {@code roles} column write them: sorted names. */
	static String roles(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	/** What the detail names; {@link Values#NONE} parts for what it does not. */
	public Values values() {
		if (this.detail == null) {
			return Values.NONE;
		}
		switch (this.change) {
			case REGISTERED -> {
				Matcher m = REGISTERED.matcher(this.detail);
				return m.matches() ? new Values(null, m.group(1), null, parseRoles(m.group(2))) : Values.NONE;
			}
			case ROLES_CHANGED -> {
				String[] parts = this.detail.split(ARROW, 2);
				return parts.length == 2 ? new Values(null, null, parseRoles(parts[0]), parseRoles(parts[1]))
						: Values.NONE;
			}
			case UNIT_CHANGED -> {
				String[] parts = this.detail.split(ARROW, 2);
				return parts.length == 2 ? new Values(parts[0], parts[1], null, null) : Values.NONE;
			}
			default -> {
				return Values.NONE;
			}
		}
	}

	private static Set<Role> parseRoles(String text) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(name -> {
			try {
				roles.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				// a role since renamed: left out of the words, kept in the detail
			}
		});
		return roles;
	}

}
