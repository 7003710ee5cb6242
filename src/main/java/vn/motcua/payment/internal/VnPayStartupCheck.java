package vn.motcua.payment.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What VNPay's settings must be for the application to start (ADR 36). The sandbox signs
 * with the merchant's hash secret, so it may run only with the secret it made itself and
 * its own pay URL: with a real secret or gateway it could sign genuine IPNs. In
 * production the terminal code and hash secret must be given and our return and IPN URLs
 * must not point to this machine (the gateway sends the payer and its IPN there).
 */
public final class VnPayStartupCheck {

	private VnPayStartupCheck() {
	}

	/**
	 * The sandbox's conditions.
	 * @param sandbox whether the sandbox gateway is on
	 * @param givenSecret the hash secret given in the settings or environment, blank when
	 * none (the sandbox then makes its own)
	 * @param givenPayUrl the pay URL given in the settings or environment, blank when
	 * none (the sandbox's own is then used)
	 * @param ownSandboxPayUrl the sandbox's own pay URL on this application
	 * @throws IllegalStateException naming the settings when the sandbox would sign with
	 * a real secret or stand beside a real gateway
	 */
	public static void checkSandbox(boolean sandbox, String givenSecret, String givenPayUrl, String ownSandboxPayUrl) {
		if (!sandbox) {
			return;
		}
		List<String> problems = new ArrayList<>();
		if (givenSecret != null && !givenSecret.isBlank()) {
			problems.add("a hash secret is given (MOTCUA_VNPAY_HASH_SECRET, motcua.payment.vnpay.hash-secret)");
		}
		if (givenPayUrl != null && !givenPayUrl.isBlank() && !givenPayUrl.strip().equals(ownSandboxPayUrl)) {
			problems.add("the pay URL (MOTCUA_VNPAY_PAY_URL, motcua.payment.vnpay.pay-url) is " + givenPayUrl
					+ ", not the application's own sandbox " + ownSandboxPayUrl);
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The VNPay sandbox (motcua.payment.sandbox.enabled) is on, but "
					+ String.join(" and ", problems)
					+ ": the sandbox could sign genuine IPNs. Switch it off (motcua.payment.sandbox.enabled=false,"
					+ " as in the prod profile) or leave the hash secret and pay URL unset.");
		}
	}

	/**
	 * The production profile's conditions.
	 * @throws IllegalStateException naming the settings that are missing or point to this
	 * machine
	 */
	public static void checkProduction(String tmnCode, String hashSecret, String returnUrl, String ipnUrl) {
		List<String> problems = new ArrayList<>();
		if (tmnCode == null || tmnCode.isBlank()) {
			problems.add("no terminal code (MOTCUA_VNPAY_TMN_CODE, motcua.payment.vnpay.tmn-code)");
		}
		if (hashSecret == null || hashSecret.isBlank()) {
			problems.add("no hash secret (MOTCUA_VNPAY_HASH_SECRET, motcua.payment.vnpay.hash-secret)");
		}
		if (local(returnUrl)) {
			problems.add("the return URL " + returnUrl
					+ " points to this machine (motcua.payment.vnpay.return-url, or MOTCUA_BASE_URL)");
		}
		if (local(ipnUrl)) {
			problems.add("the IPN URL " + ipnUrl
					+ " points to this machine (motcua.payment.vnpay.ipn-url, or MOTCUA_BASE_URL)");
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("VNPay is not set up for production: " + String.join("; ", problems));
		}
	}

	static boolean local(String url) {
		if (url == null || url.isBlank()) {
			return true;
		}
		String host;
		try {
			host = URI.create(url.strip()).getHost();
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
		if (host == null) {
			return true;
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
				|| host.equals("0.0.0.0") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
	}

}
