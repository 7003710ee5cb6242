package vn.motcua.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo certificate authority ("MotCua DEMO CA — không có giá trị pháp lý") and the
 * demo keys it issues, made in the keystore directory when demo keys are on (the embedded
 * default, never in production): {@code demo-ca.p12} with its key, {@code demo-ca.crt}
 * (PEM) for whoever wants to trust it, and a PKCS#12 per officer and unit seal, every
 * subject marked DEMO. Each file is written whole to a temporary file and linked into
 * place only if absent, under a lock on {@code .lock}, so that two instances starting
 * together on one directory make one authority and one key each; a restart keeps them.
 */
@Component
class DemoAuthority {

	static final String CA_NAME = "MotCua DEMO CA — không có giá trị pháp lý";

	static final String ORGANIZATION = "MotCua DEMO — không có giá trị pháp lý";

	/** Fixed validity, wide enough for any test clock: the keys are demo keys. */
	private static final Date NOT_BEFORE = Date.from(Instant.parse("2020-01-01T00:00:00Z"));

	private static final Date NOT_AFTER = Date.from(Instant.parse("2045-12-31T23:59:59Z"));

	private static final Logger log = LoggerFactory.getLogger(DemoAuthority.class);

	private static final Object JVM_LOCK = new Object();

	private final KeyDirectory keys;

	private final SecureRandom random = new SecureRandom();

	DemoAuthority(KeyDirectory keys) {
		this.keys = keys;
	}

	Path caFile() {
		return this.keys.dir().resolve("demo-ca.p12");
	}

	Path caCertificateFile() {
		return this.keys.dir().resolve("demo-ca.crt");
	}

	/** The demo authority's certificate, made first if absent. */
	X509Certificate certificate() {
		return (X509Certificate) authority().getCertificate();
	}

	/**
	 * Makes the signer's demo key unless it exists: {@code commonName} and {@code unit}
	 * go into the subject, marked DEMO.
	 */
	void issue(Signer signer, String commonName, String unit) {
		Path file = this.keys.file(signer);
		if (Files.isRegularFile(file)) {
			return;
		}
		KeyStore.PrivateKeyEntry ca = authority();
		locked(() -> {
			if (Files.isRegularFile(file)) {
				return;
			}
			X509Certificate caCert = (X509Certificate) ca.getCertificate();
			X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
				.addRDN(BCStyle.O, ORGANIZATION)
				.addRDN(BCStyle.OU, unit);
			if (signer instanceof Signer.Officer officer) {
				subject.addRDN(BCStyle.UID, officer.username());
			}
			subject.addRDN(BCStyle.CN, commonName + " (DEMO)");
			KeyPair pair = keyPair();
			X509Certificate cert = certificate(X500Name.getInstance(caCert.getSubjectX500Principal().getEncoded()),
					subject.build(), pair, ca.getPrivateKey(), caCert, false);
			write(file, pkcs12(pair.getPrivate(), new Certificate[] { cert, caCert }));
			log.info("Made the demo signing key {} for {}", file.getFileName(), commonName);
		});
	}

	private KeyStore.PrivateKeyEntry authority() {
		if (!Files.isRegularFile(caFile())) {
			locked(() -> {
				if (Files.isRegularFile(caFile())) {
					return;
				}
				KeyPair pair = keyPair();
				X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
					.addRDN(BCStyle.O, ORGANIZATION)
					.addRDN(BCStyle.CN, CA_NAME)
					.build();
				X509Certificate cert = certificate(name, name, pair, pair.getPrivate(), null, true);
				write(caFile(), pkcs12(pair.getPrivate(), new Certificate[] { cert }));
				log.info("Made the demo certificate authority in {}", caFile());
			});
		}
		try (InputStream in = Files.newInputStream(caFile())) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, this.keys.password());
			String alias = store.aliases().nextElement();
			KeyStore.PrivateKeyEntry entry = (KeyStore.PrivateKeyEntry) store.getEntry(alias,
					new KeyStore.PasswordProtection(this.keys.password()));
			if (!Files.isRegularFile(caCertificateFile())) {
				write(caCertificateFile(), pem((X509Certificate) entry.getCertificate()));
			}
			return entry;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the demo authority " + caFile() + ": " + ex.getMessage(), ex);
		}
	}

	/** The demo authority's certificate as it is in its PEM file. */
	static X509Certificate read(Path pem) {
		try (InputStream in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the certificate " + pem + ": " + ex.getMessage(), ex);
		}
	}

	private KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048, this.random);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private X509Certificate certificate(X500Name issuer, X500Name subject, KeyPair pair, PrivateKey signingKey,
			X509Certificate issuerCert, boolean ca) {
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					new BigInteger(64, this.random).abs().add(BigInteger.ONE), NOT_BEFORE, NOT_AFTER, subject,
					pair.getPublic());
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
			builder.addExtension(Extension.keyUsage, true, ca ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
					: new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			builder.addExtension(Extension.subjectKeyIdentifier, false,
					extensions.createSubjectKeyIdentifier(pair.getPublic()));
			if (issuerCert != null) {
				builder.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(issuerCert));
			}
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot make a demo certificate: " + ex.getMessage(), ex);
		}
	}

	private byte[] pkcs12(PrivateKey key, Certificate[] chain) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("signing", key, this.keys.password(), chain);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			store.store(out, this.keys.password());
			return out.toByteArray();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] pem(X509Certificate cert) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(cert);
		}
		return text.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Writes the file whole beside its place, then links it into place unless another
	 * instance was first (whose file is kept).
	 */
	private static void write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			Path temp = Files.createTempFile(file.getParent(), ".new-", ".tmp");
			try {
				Files.write(temp, bytes);
				try {
					Files.createLink(file, temp);
				}
				catch (FileAlreadyExistsException ex) {
					// another instance made it first: theirs is kept
				}
				catch (UnsupportedOperationException | IOException ex) {
					if (!Files.exists(file)) {
						Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
					}
				}
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs the work under a monitor of the JVM (a file lock is the JVM's: two contexts in
	 * one JVM would overlap) and the directory's file lock (other processes).
	 */
	private void locked(Runnable work) {
		synchronized (JVM_LOCK) {
			lockedFile(work);
		}
	}

	private void lockedFile(Runnable work) {
		try {
			Files.createDirectories(this.keys.dir());
			try (FileChannel channel = FileChannel.open(this.keys.dir().resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				work.run();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot lock " + this.keys.dir() + ": " + ex.getMessage(), ex);
		}
	}

}
