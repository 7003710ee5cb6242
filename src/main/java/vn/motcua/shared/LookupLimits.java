package vn.motcua.shared;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limit on public dossier look-ups by code and four digits, shared by the pages and
 * the API, so that codes cannot be tried by the thousand: {@code motcua.lookup.limit} per
 * {@code motcua.lookup.window} and client address (default 10 per 10 minutes).
 */
@Configuration(proxyBeanMethods = false)
class LookupLimits {

	@Bean
	RateLimiter lookupRateLimiter(@Value("${motcua.lookup.limit:10}") int limit,
			@Value("${motcua.lookup.window:PT10M}") Duration window, Clock clock) {
		return new RateLimiter(limit, window, clock);
	}

}
