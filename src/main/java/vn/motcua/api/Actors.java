package vn.motcua.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The signed-in user as the domain sees them: an officer of a unit, or the system
 * administrator.
 */
@Component
class Actors {

	private final Officers officers;

	Actors(Officers officers) {
		this.officers = officers;
	}

	Actor of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.UNAUTHENTICATED, "Sign in first",
					java.util.List.of());
		}
		return this.officers.actor(authentication.getName(),
				authentication.getAuthorities()
					.stream()
					.map(GrantedAuthority::getAuthority)
					.anyMatch("ROLE_ADMINISTRATOR"::equals));
	}

}
