package vn.motcua.org;

import java.util.Set;

/**
 * Who is acting: a signed-in officer of a unit, or the system administrator (no unit:
 * every unit). The web layers make it from the signed-in user; the domain checks it
 * against role, unit and assignment.
 */
public record Actor(String username, String unitCode, Set<Role> roles) {

	public Actor {
		roles = Set.copyOf(roles);
	}

	public static Actor of(Officer officer) {
		return new Actor(officer.username(), officer.unitCode(), officer.active() ? officer.roles() : Set.of());
	}

	public static Actor administrator(String username) {
		return new Actor(username, null, Set.of(Role.ADMINISTRATOR));
	}

	public boolean isAdministrator() {
		return this.unitCode == null && this.roles.contains(Role.ADMINISTRATOR);
	}

	/**
	 * Whether the actor holds the role at the unit. The administrator holds only the
	 * administrator's role, at every unit: administering is not receiving, processing or
	 * approving dossiers.
	 */
	public boolean can(Role role, String unit) {
		return this.roles.contains(role) && (isAdministrator() || unit.equals(this.unitCode));
	}

	/**
	 * Whether the actor administers the unit: the system administrator, or an officer
	 * holding the administrator's role there.
	 */
	public boolean administers(String unit) {
		return can(Role.ADMINISTRATOR, unit);
	}

	/**
	 * Whether the actor may see the unit's records: its own officers, and the
	 * administrator.
	 */
	public boolean worksAt(String unit) {
		return isAdministrator() || unit.equals(this.unitCode);
	}

}
