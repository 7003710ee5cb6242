package vn.motcua.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import vn.motcua.org.Officers;
import vn.motcua.shared.Budget;
import vn.motcua.shared.PlainText;
import vn.motcua.shared.RateLimited;
import vn.motcua.shared.RateLimits;

/**
 * Signing in, on the pages and the API, after OWASP ASVS level 2 (ADR 22). Failures are
 * counted per account and address ({@link Budget#SIGNIN}), per address
 * ({@link Budget#SIGNIN_ADDRESS}) and per account ({@link Budget#SIGNIN_ACCOUNT}), in the
 * database that all instances share; past a budget the attempt is refused before the
 * password is checked, with the same answer as a wrong password. An address the account
 * signed in from in the last 90 days is spared the address and account budgets, so a
 * stranger can slow guessing at an officer's account but not lock the officer out; the
 * administrator is under the same rules. Every attempt is audited; a success clears its
 * address's count. For the API, a verified user name and password are remembered for a
 * minute (by their hash, in memory, at most 1,000), so that bcrypt is not paid on every
 * request; an API sign-in is audited when it is verified.
 */
final class SignIns implements AuthenticationProvider {

	static final Duration KNOWN_FOR = Duration.ofDays(90);

	static final Duration REMEMBER_FOR = Duration.ofMinutes(1);

	private static final int REMEMBER_AT_MOST = 1000;

	/** The longest user name there is (the column's length). */
	static final int MAX_USERNAME = 60;

	private final UserDetailsService users;

	private final DaoAuthenticationProvider passwords;

	private final Officers officers;

	private final RateLimits limits;

	private final Clock clock;

	private final MeterRegistry meters;

	private final boolean remember;

	private final SecretKeySpec secret;

	/**
	 * Locks for attempts, by account and address: a fixed number, whatever the traffic.
	 */
	private final Object[] stripes = new Object[256];

	private final Map<String, Remembered> remembered = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
			return size() > REMEMBER_AT_MOST;
		}
	};

	/** A verified sign-in, with the password hash it was verified against. */
	private record Remembered(Authentication authentication, String passwordHash,
			java.util.Set<? extends GrantedAuthority> roles, Instant until) {
	}

	SignIns(UserDetailsService users, PasswordEncoder encoder, Officers officers, RateLimits limits, Clock clock,
			MeterRegistry meters, boolean remember) {
		this.users = users;
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
		this.officers = officers;
		this.limits = limits;
		this.clock = clock;
		this.meters = meters;
		this.remember = remember;
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		this.secret = new SecretKeySpec(key, "HmacSHA256");
		for (int i = 0; i < this.stripes.length; i++) {
			this.stripes[i] = new Object();
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public Authentication authenticate(Authentication attempt) throws AuthenticationException {
		String username = attempt.getName();
		if (username == null || username.isEmpty() || username.length() > MAX_USERNAME
				|| PlainText.hasControl(username)) {
			// no account has such a name; it reaches no query (U+0000 is an error of
			// PostgreSQL)
			this.meters.counter("motcua.signin.failures", "reason", "bad-credentials").increment();
			throw new BadCredentialsException("Bad credentials");
		}
		String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
		String key = this.remember ? hash(username, password) : null;
		Instant now = this.clock.instant();
		if (key != null) {
			Authentication known = remembered(key, username, now);
			if (known != null) {
				return known;
			}
		}
		String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
		String pair = username + "|" + address;
		// one attempt at a time per account and address on this instance, so that a burst
		// in parallel is counted one by one (bcrypt takes long); a client's parallel
		// requests wait for the first, then find it remembered
		synchronized (this.stripes[Math.floorMod(pair.hashCode(), this.stripes.length)]) {
			if (key != null) {
				Authentication again = remembered(key, username, this.clock.instant());
				if (again != null) {
					return again;
				}
			}
			return verify(attempt, username, address, pair, key, this.clock.instant());
		}
	}

	private Authentication verify(Authentication attempt, String username, String address, String pair, String key,
			Instant now) {
		boolean knownPlace = this.officers.signedInFrom(username, address, now.minus(KNOWN_FOR));
		try {
			this.limits.check(Budget.SIGNIN, pair);
			if (!knownPlace) {
				this.limits.check(Budget.SIGNIN_ADDRESS, String.valueOf(address));
				this.limits.check(Budget.SIGNIN_ACCOUNT, username);
			}
		}
		catch (RateLimited ex) {
			this.officers.audit(username, "THROTTLED", address, now);
			this.meters.counter("motcua.signin.failures", "reason", "throttled").increment();
			throw new BadCredentialsException("Bad credentials");
		}
		Authentication signedIn;
		try {
			signedIn = this.passwords.authenticate(attempt);
		}
		catch (BadCredentialsException ex) {
			this.limits.count(Budget.SIGNIN, pair);
			this.limits.count(Budget.SIGNIN_ADDRESS, String.valueOf(address));
			this.limits.count(Budget.SIGNIN_ACCOUNT, username);
			this.officers.audit(username, exists(username) ? "FAILURE" : "UNKNOWN_USER", address, now);
			this.meters.counter("motcua.signin.failures", "reason", "bad-credentials").increment();
			throw ex;
		}
		catch (AuthenticationException ex) {
			// disabled or locked
			this.officers.audit(username, "REFUSED", address, now);
			this.meters.counter("motcua.signin.failures", "reason", "refused").increment();
			throw ex;
		}
		this.limits.reset(Budget.SIGNIN, pair);
		this.officers.signIn(username, true, address, now);
		if (key != null) {
			UserDetails account = this.users.loadUserByUsername(username);
			Remembered verified = new Remembered(signedIn, account.getPassword(),
					java.util.Set.copyOf(account.getAuthorities()), now.plus(REMEMBER_FOR));
			synchronized (this.remembered) {
				this.remembered.put(key, verified);
			}
		}
		return signedIn;
	}

	/** The remembered sign-in of these credentials, if it still holds. */
	private Authentication remembered(String key, String username, Instant now) {
		Remembered known;
		synchronized (this.remembered) {
			known = this.remembered.get(key);
		}
		return known != null && now.isBefore(known.until()) && stillValid(username, known) ? known.authentication()
				: null;
	}

	private boolean exists(String username) {
		try {
			this.users.loadUserByUsername(username);
			return true;
		}
		catch (AuthenticationException ex) {
			return false;
		}
	}

	/**
	 * Whether a remembered sign-in still holds: the account is active, not locked, and
	 * its password unchanged (a few reads, no hashing).
	 */
	private boolean stillValid(String username, Remembered known) {
		try {
			UserDetails now = this.users.loadUserByUsername(username);
			return now.isEnabled() && now.isAccountNonLocked() && known.passwordHash().equals(now.getPassword())
					&& java.util.Set.copyOf(now.getAuthorities()).equals(known.roles());
		}
		catch (AuthenticationException ex) {
			return false;
		}
	}

	/**
	 * The user name and password as remembered: their HMAC-SHA-256 under a key made at
	 * start and never stored, never the password.
	 */
	private String hash(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.secret);
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
