package vn.motcua.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import vn.motcua.org.Officers;
import vn.motcua.shared.RateLimits;

/**
 * A slice test of REST controllers ({@code @WebMvcTest}) behind the API's real access
 * rules: {@code web.SecurityConfiguration} is imported as it is (HTTP Basic, public
 * reads, the administrator for changes, its problem details for 401 and 403), with the
 * officers it reads and the limits it counts sign-in failures in mocked (so only the
 * configured administrator, {@code admin} / {@code motcua-demo}, signs in with a
 * password) and a fixed clock. Officers with other roles are given with
 * {@code with(user(..).roles(..))}. The problem handler ({@link ApiProblemHandler}) is a
 * controller advice, so the slice has it.
 * <p>
 * In Spring Boot 4 the slice's own security auto-configuration comes with
 * {@code spring-boot-security-test}, which is not a dependency here; the three
 * auto-configurations that build {@code HttpSecurity} and register the filter chain are
 * imported instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class })
@Import(ApiSliceTest.ApiSecurity.class)
@MockitoBean(types = { Officers.class, RateLimits.class })
@interface ApiSliceTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

	/**
	 * The security configuration the application uses. It is package-private in
	 * {@code vn.motcua.web}, so it is picked by a scan of that one class rather than
	 * named in {@code @Import}. The pages' error handler, a controller advice the slice
	 * picks up, needs {@code web.ProblemMessages}, scanned the same way.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@ComponentScan(basePackages = "vn.motcua.web", useDefaultFilters = false,
			includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
					pattern = "vn\\.motcua\\.web\\.(SecurityConfiguration|ProblemMessages)"))
	class ApiSecurity {

		/** Sign-in failures are counted (ADR 22): here, in memory. */
		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

}
