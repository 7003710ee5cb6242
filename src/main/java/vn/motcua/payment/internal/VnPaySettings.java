package vn.motcua.payment.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * VNPay's settings: the merchant's terminal code ({@code motcua.payment.vnpay.tmn-code}),
 * its hash secret (from the environment, {@code MOTCUA_VNPAY_HASH_SECRET}, never the
 * repository), the gateway's payment and query URLs and our return and IPN URLs. The URLs
 * are read when used, so that they may name the port the server got. With no secret given
 * and the sandbox on (the embedded default), a random secret is made on the first start
 * and kept in {@code motcua.payment.secret-dir} ({@code ./data/payment}); several
 * instances on one directory make one (written whole, linked into place only if absent).
 */
@Component
public class VnPaySettings implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(VnPaySettings.class);

	private static final String SANDBOX_PAY_PATH = "/sandbox/vnpay/paymentv2/vpcpay.html";

	private final Environment env;

	private volatile String secret;

	VnPaySettings(Environment env) {
		this.env = env;
	}

	/**
	 * Refuses to start with a sandbox beside a real secret or gateway, or with the
	 * production profile and VNPay not set up ({@link VnPayStartupCheck}).
	 */
	@Override
	public void afterPropertiesSet() {
		// the base URL is read only when a pay URL is given: it may name the port the
		// server is yet to get
		String givenPayUrl = this.env.getProperty("motcua.payment.vnpay.pay-url", "");
		VnPayStartupCheck.checkSandbox(sandbox(), this.env.getProperty("motcua.payment.vnpay.hash-secret", ""),
				givenPayUrl, givenPayUrl.isBlank() ? null : url("", SANDBOX_PAY_PATH));
		if (this.env.acceptsProfiles(Profiles.of("prod"))) {
			VnPayStartupCheck.checkProduction(this.env.getProperty("motcua.payment.vnpay.tmn-code", ""),
					this.env.getProperty("motcua.payment.vnpay.hash-secret", ""), returnUrl(), ipnUrl());
		}
	}

	public String tmnCode() {
		return this.env.getProperty("motcua.payment.vnpay.tmn-code", "MOTCUA01");
	}

	public String payUrl() {
		return url("motcua.payment.vnpay.pay-url", SANDBOX_PAY_PATH);
	}

	public String apiUrl() {
		return url("motcua.payment.vnpay.api-url", "/sandbox/vnpay/merchant_webapi/api/transaction");
	}

	public String returnUrl() {
		return url("motcua.payment.vnpay.return-url", "/thanh-toan/vnpay/ket-qua");
	}

	public String ipnUrl() {
		return url("motcua.payment.vnpay.ipn-url", "/api/v1/payments/vnpay/ipn");
	}

	public boolean sandbox() {
		return this.env.getProperty("motcua.payment.sandbox.enabled", Boolean.class, true);
	}

	private String url(String property, String path) {
		String given = property.isEmpty() ? "" : this.env.getProperty(property, "");
		if (!given.isBlank()) {
			return given;
		}
		String base = this.env.getProperty("motcua.payment.base-url", "http://localhost:8080");
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	/**
	 * The hash secret shared with VNPay.
	 * @throws IllegalStateException when none is set and the sandbox is off
	 */
	public String hashSecret() {
		String s = this.secret;
		if (s == null) {
			synchronized (this) {
				s = this.secret;
				if (s == null) {
					s = loadSecret();
					this.secret = s;
				}
			}
		}
		return s;
	}

	private String loadSecret() {
		String given = this.env.getProperty("motcua.payment.vnpay.hash-secret", "");
		if (!given.isBlank()) {
			return given;
		}
		if (!sandbox()) {
			throw new IllegalStateException(
					"No VNPay hash secret: set MOTCUA_VNPAY_HASH_SECRET (motcua.payment.vnpay.hash-secret)");
		}
		Path dir = Path.of(this.env.getProperty("motcua.payment.secret-dir", "./data/payment"));
		Path file = dir.resolve("vnpay-hash-secret");
		try {
			if (!Files.isRegularFile(file)) {
				Files.createDirectories(dir);
				byte[] random = new byte[32];
				new SecureRandom().nextBytes(random);
				Path temp = Files.createTempFile(dir, "secret", ".tmp");
				try {
					trySetOwnerOnly(temp);
					Files.writeString(temp, HexFormat.of().formatHex(random).toUpperCase(), StandardCharsets.US_ASCII);
					Files.createLink(file, temp);
					log.info("Made a random VNPay hash secret for the sandbox gateway in {}", file);
				}
				catch (FileAlreadyExistsException ex) {
					// another instance made it first
				}
				finally {
					Files.deleteIfExists(temp);
				}
			}
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the sandbox's VNPay hash secret in " + file, ex);
		}
	}

	private static void trySetOwnerOnly(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// not a POSIX file system
		}
	}

}
