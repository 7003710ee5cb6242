package vn.motcua.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in Vietnam's time; tests replace it with a fixed one.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	@Bean
	Clock clock() {
		return Clock.system(VIETNAM);
	}

}
