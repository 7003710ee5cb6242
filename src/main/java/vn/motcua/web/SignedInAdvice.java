package vn.motcua.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page who is signed in, for the header (sign-in link, or the workspace, the
 * administration and sign-out).
 */
@ControllerAdvice(basePackageClasses = SignedInAdvice.class)
class SignedInAdvice {

	@ModelAttribute("signedInCitizen")
	boolean citizen(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof OidcUser;
	}

	/**
	 * Whether the signed-in user administers (the administrator, or an officer with a
	 * unit's administrator role): the header links to the administration pages.
	 */
	@ModelAttribute("administers")
	boolean administers(Authentication authentication) {
		return authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.getAuthorities()
					.stream()
					.anyMatch(a -> ("ROLE_" + SecurityConfiguration.ADMINISTRATOR).equals(a.getAuthority()));
	}

	@ModelAttribute("signedIn")
	String signedIn(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getPrincipal() instanceof OidcUser citizen && citizen.getFullName() != null
				? citizen.getFullName() : authentication.getName();
	}

}
