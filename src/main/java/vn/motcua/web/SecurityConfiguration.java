package vn.motcua.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.RateLimits;

/**
 * Who may do what. The public information (catalog, units, calendars, figures) is open to
 * all. Officers sign in on the pages with a form (session, CSRF, session fixation
 * protection), or call the API with HTTP Basic; role, unit and assignment are checked
 * further by the domain. Officers (personal data) are read and changed through the API by
 * the administrator only. Other changes through the API are the administrator's, whose
 * password is a setting (a demo one in the embedded default; none in production unless
 * given). Guessing is slowed per account and address without locking anyone out, and
 * every sign-in is audited ({@link SignIns}, ADR 22).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String ADMINISTRATOR = "ADMINISTRATOR";

	static final String CITIZEN = "CITIZEN";

	/** The session attribute with the user name of a failed sign-in, to show it again. */
	static final String LAST_USERNAME = "motcua.signIn.username";

	/** Who may open the officers' workspace. */
	static final String[] OFFICER_ROLES = { "ONE_STOP_OFFICER", "SPECIALIST", "LEADER", "FINANCE_OFFICER", "SUPERVISOR",
			ADMINISTRATOR };

	static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'";

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/**
	 * The page policy: {@link #CSP}, with the payment gateway's origin added to
	 * {@code form-action} when it is not ours. The pay form posts to us and we answer
	 * with a redirect to the gateway, which browsers check against {@code form-action}
	 * too.
	 * @param payUrl the gateway's pay URL as set, blank for the application's own sandbox
	 * @param baseUrl the application's own base URL
	 */
	static String csp(String payUrl, String baseUrl) {
		String gateway = origin(payUrl);
		if (gateway == null || gateway.equals(origin(baseUrl))) {
			return CSP;
		}
		return CSP.replace("form-action 'self'", "form-action 'self' " + gateway);
	}

	/** scheme://host[:port] of an absolute http(s) URL, else null. */
	static String origin(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			java.net.URI uri = java.net.URI.create(url.strip());
			String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
			if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null
					|| !uri.getHost().matches("[A-Za-z0-9.\\[\\]:-]+")) {
				return null;
			}
			int port = uri.getPort();
			boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
					|| ("http".equals(scheme) && port == 80);
			return scheme + "://" + uri.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The actuator: health and info for all; metrics (Prometheus) for the administrator,
	 * with HTTP Basic as the API.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain actuator(HttpSecurity http, BasicSignIn basicSignIn) throws Exception {
		http.authenticationManager(basicSignIn.manager());
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(
					requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						.anyRequest()
						.hasRole(ADMINISTRATOR))
			.httpBasic(basic -> basic.realmName("MotCua"))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, BasicSignIn basicSignIn) throws Exception {
		http.authenticationManager(basicSignIn.manager());
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				// the applicant starts an online payment (with the dossier's four
				// digits);
				// the gateway calls the IPN, verified by its signature (ADR 36)
				.requestMatchers("/api/v1/payments/online", "/api/v1/payments/vnpay/ipn")
				.permitAll()
				.requestMatchers("/api/v1/payments", "/api/v1/payments/**")
				.authenticated()
				.requestMatchers("/api/v1/dossiers/**", "/api/v1/reports/*/kpis", "/api/v1/reports/*/kpis/**",
						"/api/v1/reports/*/dossiers", "/api/v1/reports/*/exports/**", "/api/v1/history-imports/**",
						"/api/v1/units/*/register", "/api/v1/citizens/**")
				.authenticated()
				.requestMatchers("/api/v1/lookup/**", "/api/v1/signatures/validation")
				.permitAll()
				.requestMatchers("/api/v1/officers", "/api/v1/officers/**")
				.hasRole(ADMINISTRATOR)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.anyRequest()
				.hasRole(ADMINISTRATOR))
			.httpBasic(basic -> basic.realmName("MotCua").authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"MotCua\"");
				problem(response, HttpServletResponse.SC_UNAUTHORIZED, ProblemCode.UNAUTHENTICATED,
						"Sign in to do this");
			}))
			.exceptionHandling(handling -> handling.accessDeniedHandler((request, response, ex) -> problem(response,
					HttpServletResponse.SC_FORBIDDEN, ProblemCode.FORBIDDEN, "Your role may not do this")))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> citizenSignIn,
			Environment env) throws Exception {
		// the base URL only when a pay URL is given: it may name the port the server is
		// yet
		// to get
		String payUrl = env.getProperty("motcua.payment.vnpay.pay-url", "");
		String policy = payUrl.isBlank() ? CSP
				: csp(payUrl, env.getProperty("motcua.payment.base-url", "http://localhost:8080"));
		http.authorizeHttpRequests(requests -> requests.requestMatchers("/can-bo", "/can-bo/**")
			.hasAnyRole(OFFICER_ROLES)
			// the administrator, and the units' administrators (the pages ask which
			// units)
			.requestMatchers("/quan-tri", "/quan-tri/**")
			.hasRole(ADMINISTRATOR)
			.requestMatchers("/cong-dan", "/cong-dan/**")
			.hasRole(CITIZEN)
			.requestMatchers(HttpMethod.GET, "/**")
			.permitAll()
			.requestMatchers("/dang-nhap", "/tra-cuu/**", "/nop-truc-tuyen", "/nop-truc-tuyen/**", "/kiem-tra-chu-ky",
					"/sandbox/vnpay/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/dang-nhap")
				.loginProcessingUrl("/dang-nhap")
				.defaultSuccessUrl("/can-bo", false)
				.failureHandler((request, response, ex) -> {
					// the form comes back with the user name kept; the message does not
					// tell a
					// wrong password from a locked account
					String username = request.getParameter("username");
					if (username != null) {
						request.getSession()
							.setAttribute(LAST_USERNAME, username.length() > 60 ? username.substring(0, 60) : username);
					}
					response.sendRedirect(request.getContextPath() + "/dang-nhap?loi");
				}))
			.logout(logout -> logout.logoutUrl("/dang-xuat").logoutSuccessUrl("/thu-tuc"))
			// the sandbox gateway's query API is called server to server, signed (ADR 36)
			.csrf(csrf -> csrf.ignoringRequestMatchers("/sandbox/vnpay/merchant_webapi/**"))
			.exceptionHandling(handling -> handling.authenticationEntryPoint((request, response,
					ex) -> response.sendRedirect(request.getContextPath()
							+ (request.getRequestURI().startsWith(request.getContextPath() + "/cong-dan")
									? "/dang-nhap?cong-dan" : "/dang-nhap"))))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.migrateSession()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		if (citizenSignIn.getIfAvailable() != null) {
			http.oauth2Login(oauth -> oauth.loginPage("/dang-nhap")
				.defaultSuccessUrl("/cong-dan", true)
				.userInfoEndpoint(info -> info.userAuthoritiesMapper(authorities -> {
					java.util.Set<GrantedAuthority> citizen = new java.util.HashSet<>(authorities);
					citizen.add(new SimpleGrantedAuthority("ROLE_" + CITIZEN));
					return citizen;
				})));
		}
		return http.build();
	}

	private static void problem(HttpServletResponse response, int status, ProblemCode code, String detail)
			throws IOException {
		ProblemResponses.write(response, status, code, detail, null, null);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	/**
	 * Signing in on the pages (ADR 22): the one authentication provider of the
	 * application, so the form login reaches it and nothing else checks passwords.
	 */
	@Bean
	SignIns pageSignIns(SignInSettings settings, PasswordEncoder encoder, Officers officers, RateLimits limits,
			Clock clock, MeterRegistry meters) {
		return new SignIns(users(settings.adminName(), settings.adminPassword(), encoder, officers, clock), encoder,
				officers, limits, clock, meters, false);
	}

	/**
	 * Signing in with HTTP Basic (the API, the metrics): verified credentials are
	 * remembered for a minute (ADR 22). Held in a record, so that Spring Security does
	 * not take it for the application's authentication manager.
	 */
	record BasicSignIn(ProviderManager manager) {
	}

	@Bean
	BasicSignIn basicSignIn(SignInSettings settings, PasswordEncoder encoder, Officers officers, RateLimits limits,
			Clock clock, MeterRegistry meters) {
		return new BasicSignIn(new ProviderManager(
				new SignIns(users(settings.adminName(), settings.adminPassword(), encoder, officers, clock), encoder,
						officers, limits, clock, meters, true)));
	}

	/** The administrator's account, from the settings. */
	record SignInSettings(String adminName, String adminPassword) {
	}

	@Bean
	SignInSettings signInSettings(@Value("${motcua.admin.username:admin}") String adminName,
			@Value("${motcua.admin.password:}") String adminPassword) {
		return new SignInSettings(adminName, adminPassword);
	}

	/**
	 * The configured administrator, and the officers of the units (bcrypt hashes in
	 * {@code org_officer}), each with their roles as authorities; an officer locked out
	 * after failed sign-ins is refused.
	 */
	static UserDetailsService users(String adminName, String adminPassword, PasswordEncoder encoder, Officers officers,
			Clock clock) {
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
				.accountLocked(officers.isLocked(username, clock.instant()))
				.build();
		};
	}

}
