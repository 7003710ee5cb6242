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
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import jakarta.servlet.http.HttpServletResponse;

import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;

/**
 * Who may do what: anyone may read the public information (catalog, units, calendars);
 * dossiers are for signed-in officers (HTTP Basic for now), checked further by role, unit
 * and assignment in the domain; other changes are the administrator's, whose password is
 * a setting (a demo one in the embedded default; none in production unless given).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMINISTRATOR = "ADMINISTRATOR";

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/dossiers/**")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/**")
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

	/**
	 * The configured administrator, and the officers of the units (bcrypt hashes in
	 * {@code org_officer}), each with their roles as authorities.
	 */
	@Bean
	UserDetailsService users(@Value("${motcua.admin.username:admin}") String adminName,
			@Value("${motcua.admin.password:}") String adminPassword, PasswordEncoder encoder, Officers officers) {
		if (adminPassword.isBlank()) {
			log.warn("No administrator password is set (motcua.admin.password): only officers can sign in");
		}
		UserDetails administrator = adminPassword.isBlank() ? null
				: User.withUsername(adminName).password(encoder.encode(adminPassword)).roles(ADMINISTRATOR).build();
		return username -> {
			if (administrator != null && administrator.getUsername().equals(username)) {
				return User.withUserDetails(administrator).build();
			}
			Officer officer = officers.find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
			return User.withUsername(officer.username())
				.password(officers.passwordHash(username).orElse("{noop}-"))
				.roles(officer.roles().stream().map(Role::name).toArray(String[]::new))
				.disabled(!officer.active())
				.build();
		};
	}

}
