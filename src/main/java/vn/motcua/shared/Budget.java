package vn.motcua.shared;

import java.time.Duration;

/**
 * What the public may try only so often (ADR 17): each budget has its own count, set with
 * {@code motcua.limits.<name>.limit} attempts per {@code motcua.limits.<name>.window}.
 */
public enum Budget {

	/** Look-ups of a dossier by code and four digits, per client address. */
	LOOKUP("lookup", 30, Duration.ofMinutes(10)),
	/** Ratings of a returned dossier, per client address. */
	RATING("rating", 10, Duration.ofMinutes(10)),
	/** Online submissions (each sends a code by e-mail), per client address. */
	SUBMISSION("submission", 20, Duration.ofHours(1)),
	/** Verification codes typed, per client address (each submission also allows 5). */
	CODE_ENTRY("code-entry", 20, Duration.ofMinutes(10)),
	/**
	 * Wrong four digits (or a code that is no dossier) per dossier code, by look-up and
	 * rating together: what stops guessing one dossier's digits from many addresses.
	 */
	WRONG_DIGITS("wrong-digits", 20, Duration.ofDays(1)),
	/**
	 * Failed sign-ins to one account from one address (ADR 22): past it, that address may
	 * not try that account again until the window ends; the account's owner elsewhere is
	 * not affected. A success clears it.
	 */
	SIGNIN("signin", 5, Duration.ofMinutes(15)),
	/**
	 * Failed sign-ins from one address to any account, except accounts that signed in
	 * from it before: what stops trying one password on many user names.
	 */
	SIGNIN_ADDRESS("signin-address", 30, Duration.ofHours(1)),
	/**
	 * Failed sign-ins to one account from all addresses: past it, only the addresses the
	 * account signed in from before may still try, so guessing from many addresses stops
	 * and the officer at their own desk is never locked out.
	 */
	SIGNIN_ACCOUNT("signin-account", 50, Duration.ofDays(1)),
	/** Signed PDFs checked (the API and the page), per client address. */
	SIGNATURE_CHECK("signature-check", 30, Duration.ofMinutes(10));

	private final String key;

	private final int defaultLimit;

	private final Duration defaultWindow;

	Budget(String key, int defaultLimit, Duration defaultWindow) {
		this.key = key;
		this.defaultLimit = defaultLimit;
		this.defaultWindow = defaultWindow;
	}

	/** The name in the settings ({@code motcua.limits.<key>.*}) and in the table. */
	public String key() {
		return this.key;
	}

	public int defaultLimit() {
		return this.defaultLimit;
	}

	public Duration defaultWindow() {
		return this.defaultWindow;
	}

}
