package vn.motcua.demo;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Whether the demo ward and its public password load (issue 10): with
 * {@code motcua.demo.enabled=embedded} (the default) only on the embedded H2 database; on
 * any other database (PostgreSQL in production) only when {@code true} is given, and then
 * the demo administrator password is dropped too unless one is given, so that a server
 * pointed at PostgreSQL never opens with the password everyone knows.
 */
class DemoSwitch implements EnvironmentPostProcessor {

	static final String DEMO_PASSWORD = "motcua-demo";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String setting = environment.getProperty("motcua.demo.enabled", "embedded");
		if (!"embedded".equalsIgnoreCase(setting.strip())) {
			return;
		}
		String url = environment.getProperty("spring.datasource.url", "");
		boolean embedded = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:");
		Map<String, Object> resolved = new HashMap<>();
		resolved.put("motcua.demo.enabled", String.valueOf(embedded));
		if (!embedded && DEMO_PASSWORD.equals(environment.getProperty("motcua.admin.password"))) {
			resolved.put("motcua.admin.password", "");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("motcua-demo-switch", resolved));
	}

}
