package vn.motcua.org;

import java.util.Set;

/** An officer (cán bộ, công chức) of a unit, with the roles they hold there. */
public record Officer(String username, String fullName, String unitCode, Set<Role> roles, boolean active) {

	public Officer {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.active && this.roles.contains(role);
	}

}
