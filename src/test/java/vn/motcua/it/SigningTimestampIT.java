package vn.motcua.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import vn.motcua.signing.SignatureReport;
import vn.motcua.signing.SignatureValidation;
import vn.motcua.signing.Signatures;
import vn.motcua.signing.Signer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PAdES B-T: with {@code motcua.signing.tsa-url} set, each signature carries a timestamp
 * from that authority (RFC 3161). The authority here is a tiny one on a local HTTP server
 * (BouncyCastle's {@link TimeStampResponseGenerator}), its certificate one of the trusted
 * ones ({@code motcua.signing.trusted-certs}).
 */
@IntegrationTest
@TestPropertySource(properties = "motcua.test.database=signing-timestamp")
class SigningTimestampIT {

	static final HttpServer TSA;

	static final Path TSA_CERT;

	static final AtomicLong SERIAL = new AtomicLong(1);

	static final AtomicLong STAMPED = new AtomicLong();

	static {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			X500Name name = new X500Name("CN=MotCua TEST TSA,O=MotCua TEST,C=VN");
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(7),
					Date.from(Instant.parse("2020-01-01T00:00:00Z")), Date.from(Instant.parse("2045-01-01T00:00:00Z")),
					name, pair.getPublic());
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			builder.addExtension(Extension.extendedKeyUsage, true,
					new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
			X509Certificate cert = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			TSA_CERT = Files.createTempFile("tsa-", ".crt");
			StringWriter pem = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
				writer.writeObject(cert);
			}
			Files.writeString(TSA_CERT, pem.toString(), StandardCharsets.US_ASCII);

			TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
					new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", pair.getPrivate(), cert),
					new JcaDigestCalculatorProviderBuilder().build()
						.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
					new ASN1ObjectIdentifier("1.2.3.4.1"));
			tokens.addCertificates(new JcaCertStore(List.of(cert)));
			TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
			TSA = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			TSA.createContext("/tsa", exchange -> {
				try {
					TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
					byte[] body = responses.generate(request, BigInteger.valueOf(SERIAL.getAndIncrement()), new Date())
						.getEncoded();
					STAMPED.incrementAndGet();
					exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
					exchange.sendResponseHeaders(200, body.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				}
				catch (Exception ex) {
					exchange.sendResponseHeaders(500, -1);
					exchange.close();
				}
			});
			TSA.start();
		}
		catch (Exception ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	@DynamicPropertySource
	static void tsa(DynamicPropertyRegistry registry) {
		registry.add("motcua.signing.tsa-url", () -> "http://127.0.0.1:" + TSA.getAddress().getPort() + "/tsa");
		registry.add("motcua.signing.trusted-certs", TSA_CERT::toString);
	}

	@AfterAll
	static void stop() throws IOException {
		TSA.stop(0);
		Files.deleteIfExists(TSA_CERT);
	}

	@Autowired
	Signatures signatures;

	@Autowired
	SignatureValidation validation;

	@Test
	void aSignatureCarriesTheAuthoritysTimestamp() throws Exception {
		long before = STAMPED.get();
		byte[] signed = this.signatures.sign(SigningIT.pdf("Quyết định có dấu thời gian"),
				Signer.officer("quangcu.lanhdao"), "Phê duyệt kết quả");
		assertThat(STAMPED.get()).isGreaterThan(before);

		SignatureReport.SignatureCheck check = this.validation.validate(new ByteArrayInputStream(signed))
			.signatures()
			.get(0);
		System.out.println(check);
		assertThat(check.level()).isEqualTo("PAdES-BASELINE-T");
		assertThat(check.timestamp()).isNotNull();
		assertThat(check.verdict()).isEqualTo(SignatureReport.Verdict.VALID);

		Assumptions.assumeTrue(Files.isExecutable(SigningIT.PDFSIG),
				"pdfsig check skipped: Debian's poppler-utils is not installed (/usr/bin/pdfsig); CI installs it");
		String out = SigningIT.pdfsig(signed);
		System.out.println(out);
		assertThat(out).contains("Signature Validation: Signature is Valid.");
	}

}
