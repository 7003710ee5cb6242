package vn.motcua.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DemoSwitchTest {

	private static StandardEnvironment environment(Map<String, Object> settings) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
		new DemoSwitch().postProcessEnvironment(environment, null);
		return environment;
	}

	@Test
	void theDemoLoadsOnTheEmbeddedDatabaseOnly() {
		assertThat(environment(
				Map.of("spring.datasource.url", "jdbc:h2:file:./data/motcua", "motcua.admin.password", "motcua-demo"))
			.getProperty("motcua.demo.enabled")).isEqualTo("true");
		StandardEnvironment postgres = environment(Map.of("spring.datasource.url",
				"jdbc:postgresql://127.0.0.1:5432/motcua", "motcua.admin.password", "motcua-demo"));
		assertThat(postgres.getProperty("motcua.demo.enabled")).isEqualTo("false");
		assertThat(postgres.getProperty("motcua.admin.password")).isEmpty();
	}

	@Test
	void anExplicitChoiceAndAGivenPasswordStand() {
		StandardEnvironment chosen = environment(
				Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/motcua", "motcua.demo.enabled",
						"true", "motcua.admin.password", "motcua-demo"));
		assertThat(chosen.getProperty("motcua.demo.enabled")).isEqualTo("true");
		assertThat(chosen.getProperty("motcua.admin.password")).isEqualTo("motcua-demo");
		assertThat(environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/motcua", "motcua.admin.password",
				"mot-mat-khau-rieng"))
			.getProperty("motcua.admin.password")).isEqualTo("mot-mat-khau-rieng");
	}

}
