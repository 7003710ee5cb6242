package vn.motcua.web;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may do what, until officers' and citizens' accounts arrive: anyone may read (the
 * catalog, units and calendars are public information); only the administrator changes
 * data, through the API with HTTP Basic. The administrator's password is a setting (a
 * demo one in the embedded default; none in production unless given, and then nobody can
 * write).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMINISTRATOR = "ADMINISTRATOR";

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/**")
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, "/**")
			.permitAll()
			.anyRequest()
			.hasRole(ADMINISTRATOR))
			.httpBasic(basic -> basic.realmName("MotCua").authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"MotCua\"");
				problem(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
						"Sign in as an administrator to change data");
			}))
			.exceptionHandling(handling -> handling.accessDeniedHandler((request, response, ex) -> problem(response,
					HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "Your role may not change this")))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.formLogin(form -> form.disable())
			.logout(Customizer.withDefaults());
		return http.build();
	}

	private static void problem(HttpServletResponse response, int status, String code, String detail)
			throws java.io.IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"https://motcua.vn/problems/" + code.toLowerCase().replace('_', '-') + "\",\"status\":"
					+ status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService administrators(@Value("${motcua.admin.username:admin}") String username,
			@Value("${motcua.admin.password:}") String password, PasswordEncoder encoder) {
		InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
		if (password.isBlank()) {
			log.warn(
					"No administrator password is set (motcua.admin.password): data cannot be changed through the API");
		}
		else {
			users.createUser(
					User.withUsername(username).password(encoder.encode(password)).roles(ADMINISTRATOR).build());
		}
		return users;
	}

}
