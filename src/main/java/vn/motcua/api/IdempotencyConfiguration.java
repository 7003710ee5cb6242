package vn.motcua.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * Registers the {@link IdempotencyFilter} on the API, after Spring Security's filters
 * (order -100), so that it knows the caller. A configuration rather than a component, so
 * that slice tests of the controllers (which pick up filter components) do without the
 * database.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentRequests requests,
			PlatformTransactionManager transactions, @Value("${motcua.idempotency.max-body:1MB}") DataSize maxBody) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(requests, transactions, maxBody.toBytes()));
		registration.addUrlPatterns("/api/v1/*");
		registration.setOrder(0);
		return registration;
	}

}
