package vn.motcua.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * Citizens sign in through an OpenID Connect provider — VNeID, or any with the same shape
 * — when {@code motcua.citizen-sign-in.issuer} is set (its discovery document is read at
 * start). Without it, citizens still look dossiers up by code and four digits, but cannot
 * submit online or list their own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "motcua.citizen-sign-in.issuer")
class CitizenSignInConfiguration {

	static final String REGISTRATION = "vneid";

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(@Value("${motcua.citizen-sign-in.issuer}") String issuer,
			@Value("${motcua.citizen-sign-in.client-id}") String clientId,
			@Value("${motcua.citizen-sign-in.client-secret:}") String clientSecret) {
		ClientRegistration vneid = ClientRegistrations.fromIssuerLocation(issuer)
			.registrationId(REGISTRATION)
			.clientId(clientId)
			.clientSecret(clientSecret)
			.scope("openid", "profile")
			.clientName("VNeID")
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.build();
		return new InMemoryClientRegistrationRepository(vneid);
	}

}
