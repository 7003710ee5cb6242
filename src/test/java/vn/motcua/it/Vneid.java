package vn.motcua.it;

import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real OpenID Connect provider running in-process, standing in for VNeID in the
 * citizens' browser tests.
 */
final class Vneid {

	private Vneid() {
	}

	/** Starts the provider and points the application's citizen sign-in at it. */
	static void start(MockOAuth2Server server, ConfigurableApplicationContext context) {
		server.start();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("vneid",
					Map.of("motcua.citizen-sign-in.issuer", server.issuerUrl("vneid").toString(),
							"motcua.citizen-sign-in.client-id", "motcua", "motcua.citizen-sign-in.client-secret",
							"bi-mat")));
	}

}
