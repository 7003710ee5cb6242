package vn.motcua.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The server's keystore directory ({@code motcua.signing.keys-dir}, default
 * {@code ./data/keys}): one PKCS#12 file per officer ({@code officers/<username>.p12})
 * and per unit seal ({@code units/<unit code>.p12}), each holding one private key with
 * its certificate chain, all opened with the password given in the configuration or the
 * environment ({@code motcua.signing.key-password}, {@code MOTCUA_SIGNING_KEY_PASSWORD}),
 * never in the repository. The private keys are read here and used here only (ADR 34).
 * With demo keys on, a missing key of a demo officer or unit is made by the demo
 * authority.
 */
@Component
class KeyDirectory {

	/** What a user name or unit code may hold to name a file: no path, no dot first. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9._\\-]{0,99}");

	/**
	 * The password of the demo keys when none is configured: they have no legal value.
	 */
	static final String DEMO_PASSWORD = "motcua-demo";

	private static final Logger log = LoggerFactory.getLogger(KeyDirectory.class);

	private final Path dir;

	private final char[] password;

	private final boolean demo;

	private final Map<Path, Loaded> cache = new ConcurrentHashMap<>();

	private record Loaded(FileTime modified, Pkcs12SignatureToken token, DSSPrivateKeyEntry key) {
	}

	KeyDirectory(@Value("${motcua.signing.keys-dir:./data/keys}") String dir,
			@Value("${motcua.signing.key-password:}") String password,
			@Value("${motcua.signing.demo-keys:false}") boolean demo) {
		this.dir = Path.of(dir).toAbsolutePath().normalize();
		this.demo = demo;
		this.password = (password.isEmpty() && demo ? DEMO_PASSWORD : password).toCharArray();
		if (password.isEmpty() && !demo) {
			log.warn("No motcua.signing.key-password (MOTCUA_SIGNING_KEY_PASSWORD) is set: signing will fail");
		}
	}

	static String checkName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "signer",
					"a user name or unit code of letters, digits, '.', '_' or '-'");
		}
		return name;
	}

	Path dir() {
		return this.dir;
	}

	char[] password() {
		return this.password.clone();
	}

	boolean demo() {
		return this.demo;
	}

	Path file(Signer signer) {
		String folder = signer instanceof Signer.Officer ? "officers" : "units";
		return this.dir.resolve(folder).resolve(checkName(signer.name()) + ".p12");
	}

	boolean has(Signer signer) {
		return Files.isRegularFile(file(signer));
	}

	/** The signer's private key with its chain, from its file (read again if changed). */
	DSSPrivateKeyEntry key(Signer signer) {
		Path file = file(signer);
		if (!Files.isRegularFile(file)) {
			throw Problem.notFound(ProblemCode.SIGNING_KEY_NOT_FOUND, "signer",
					"no signing key for " + signer.name() + " in the server's keystore");
		}
		try {
			FileTime modified = Files.getLastModifiedTime(file);
			Loaded loaded = this.cache.get(file);
			if (loaded == null || !loaded.modified().equals(modified)) {
				byte[] bytes = Files.readAllBytes(file);
				Pkcs12SignatureToken token = new Pkcs12SignatureToken(bytes,
						new KeyStore.PasswordProtection(this.password.clone()));
				loaded = new Loaded(modified, token, token.getKeys().get(0));
				this.cache.put(file, loaded);
			}
			return loaded.key();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot open the signing key " + file
					+ " (is motcua.signing.key-password right?): " + ex.getMessage(), ex);
		}
	}

	/** The token that holds the signer's key, to sign with it. */
	Pkcs12SignatureToken token(Signer signer) {
		key(signer);
		return this.cache.get(file(signer)).token();
	}

}
