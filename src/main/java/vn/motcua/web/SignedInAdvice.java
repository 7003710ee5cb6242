package vn.motcua.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.motcua.org.Officer;
import vn.motcua.org.Officers;

/**
 * Tells every page who is signed in, for the header (sign-in link, or the workspace, the
 * administration and sign-out).
 */
@ControllerAdvice(basePackageClasses = SignedInAdvice.class)
class SignedInAdvice {

	private final Officers officers;

	private final MessageSource messages;

	SignedInAdvice(Officers officers, MessageSource messages) {
		this.officers = officers;
		this.messages = messages;
	}

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

	/**
	 * Whether the signed-in officer is a finance officer: the header links to the fee
	 * pages.
	 */
	@ModelAttribute("collectsFees")
	boolean collectsFees(Authentication authentication) {
		return authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.getAuthorities()
					.stream()
					.anyMatch(a -> "ROLE_FINANCE_OFFICER".equals(a.getAuthority()));
	}

	@ModelAttribute("signedIn")
	String signedIn(Authentication authentication, Locale locale) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		if (authentication.getPrincipal() instanceof OidcUser citizen) {
			return citizen.getFullName() != null ? citizen.getFullName()
					: this.messages.getMessage("nav.citizen", null, locale);
		}
		// an officer by name, never by user name
		return this.officers.find(authentication.getName())
			.map(Officer::fullName)
			.orElseGet(() -> this.messages.getMessage("nav.administrator", null, locale));
	}

}
