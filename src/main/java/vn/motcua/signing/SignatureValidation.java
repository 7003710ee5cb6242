package vn.motcua.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.jaxb.XmlDigestMatcher;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.simplereport.jaxb.XmlTimestamp;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.reports.Reports;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Validates the signatures of any PDF with DSS (ADR 34), trusting only the configured
 * trust anchors: the demo authority with demo keys on, and the certificates listed in
 * {@code motcua.signing.trusted-certs} (PEM or DER files, comma-separated). Revocation
 * (CRL, OCSP) is fetched online with {@code motcua.signing.revocation=online}
 * (production); with {@code none} (the embedded default) it is not, and its absence is a
 * warning. What it is given is read into memory only for the check and kept nowhere.
 */
@Service
public class SignatureValidation {

	private static final Logger log = LoggerFactory.getLogger(SignatureValidation.class);

	/** The largest PDF validated (the endpoint's body limit is the same). */
	public static final int MAX_BYTES = 20 * 1024 * 1024;

	private final KeyDirectory keys;

	private final DemoAuthority demo;

	private final List<Path> trusted;

	private final boolean online;

	/** Read once, at the first check. */
	private volatile CommonTrustedCertificateSource anchors;

	/**
	 * Checks at once, over all callers: each holds a PDF of up to 20 MB twice in memory
	 * and a core busy (ADR 34).
	 */
	private final java.util.concurrent.Semaphore running = new java.util.concurrent.Semaphore(2);

	/**
	 * DSS's default policy, or, without revocation checks, the same with their absence a
	 * warning.
	 */
	private final byte[] policy;

	SignatureValidation(KeyDirectory keys, DemoAuthority demo,
			@Value("${motcua.signing.trusted-certs:}") List<String> trusted,
			@Value("${motcua.signing.revocation:none}") String revocation) {
		this.keys = keys;
		this.demo = demo;
		this.trusted = trusted.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
		this.online = switch (revocation.strip()) {
			case "online" -> true;
			case "none" -> false;
			default -> throw new IllegalArgumentException("motcua.signing.revocation must be online or none");
		};
		this.policy = policy(this.online);
	}

	/**
	 * DSS's default validation policy; without revocation checks ({@code none}: the demo
	 * authority publishes no revocation list), the absence of revocation data is a
	 * warning instead of a failure, so that a good signature of a trusted chain is valid,
	 * with that warning in the report.
	 */
	static byte[] policy(boolean online) {
		try (InputStream in = PDFDocumentValidator.class.getResourceAsStream("/policy/constraint.xml")) {
			String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			if (!online) {
				xml = xml
					.replace("<RevocationDataAvailable Level=\"FAIL\" />", "<RevocationDataAvailable Level=\"WARN\" />")
					.replace("<AcceptableRevocationDataFound Level=\"FAIL\" />",
							"<AcceptableRevocationDataFound Level=\"WARN\" />");
			}
			return xml.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("DSS's default validation policy (policy/constraint.xml) is missing", ex);
		}
	}

	/**
	 * The report of the PDF's signatures (none for an unsigned PDF).
	 * @throws Problem {@link ProblemCode#PDF_INVALID} when the bytes are not a whole PDF
	 * (empty, another format, truncated), {@link ProblemCode#SIGNATURE_INVALID} when a
	 * signature's container is broken (its /Contents is no CMS signature, its byte range
	 * is outside the file), {@link ProblemCode#CONTENT_TOO_LARGE} past {@link #MAX_BYTES}
	 */
	public SignatureReport validate(InputStream pdf) {
		byte[] bytes;
		try {
			bytes = pdf.readNBytes(MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw Problem.invalid(ProblemCode.PDF_INVALID, "file", "could not be read: " + ex.getMessage());
		}
		if (bytes.length > MAX_BYTES) {
			throw Problem.invalid(ProblemCode.CONTENT_TOO_LARGE, "file", "is larger than " + MAX_BYTES + " bytes");
		}
		check(bytes);
		try {
			if (!this.running.tryAcquire(30, java.util.concurrent.TimeUnit.SECONDS)) {
				throw new Problem(Problem.Kind.RATE_LIMITED, ProblemCode.TOO_MANY_REQUESTS,
						"too many signature checks at once; try again in a minute", List.of());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		try {
			return validated(bytes);
		}
		finally {
			this.running.release();
		}
	}

	private SignatureReport validated(byte[] bytes) {
		PDFDocumentValidator validator = new PDFDocumentValidator(new InMemoryDocument(bytes, "document.pdf"));
		validator.setPdfObjFactory(new PdfBoxNativeObjectFactory());
		validator.setCertificateVerifier(verifier());
		Reports reports;
		try {
			reports = validator.validateDocument(new ByteArrayInputStream(this.policy));
		}
		catch (RuntimeException ex) {
			// DSS's message may name addresses it tried: not for the caller
			log.debug("DSS could not validate an uploaded PDF", ex);
			throw Problem.invalid(ProblemCode.SIGNATURE_INVALID, "file", "its signatures could not be read");
		}
		return report(reports);
	}

	/** A whole PDF whose signature containers are CMS signatures over bytes it has. */
	static void check(byte[] bytes) {
		if (bytes.length == 0) {
			throw Problem.invalid(ProblemCode.PDF_INVALID, "file", "is empty");
		}
		String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
		if (!head.contains("%PDF-")) {
			throw Problem.invalid(ProblemCode.PDF_INVALID, "file", "is not a PDF");
		}
		int from = Math.max(0, bytes.length - 1024);
		String tail = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
		if (!tail.contains("%%EOF")) {
			throw Problem.invalid(ProblemCode.PDF_INVALID, "file", "is truncated: it has no %%EOF at its end");
		}
		try (PDDocument document = Loader.loadPDF(bytes)) {
			for (PDSignature signature : document.getSignatureDictionaries()) {
				int[] range = signature.getByteRange();
				if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] < range[1]
						|| range[3] < 0 || (long) range[2] + range[3] > bytes.length) {
					throw Problem.invalid(ProblemCode.SIGNATURE_INVALID, "file",
							"a signature's byte range is not within the file");
				}
				try {
					new CMSSignedData(signature.getContents());
				}
				catch (CMSException | RuntimeException ex) {
					throw Problem.invalid(ProblemCode.SIGNATURE_INVALID, "file",
							"a signature's /Contents is not a CMS signature");
				}
			}
		}
		catch (IOException ex) {
			throw Problem.invalid(ProblemCode.PDF_INVALID, "file", "is not a readable PDF: " + ex.getMessage());
		}
	}

	/** The trust anchors: the configured certificates, and the demo authority's. */
	private CommonCertificateVerifier verifier() {
		CommonCertificateVerifier verifier = new CommonCertificateVerifier();
		verifier.setTrustedCertSources(anchors());
		// what is missing is in the report: not a warning to log at every check
		verifier.setAlertOnMissingRevocationData(new SilentOnStatusAlert());
		verifier.setAlertOnNoRevocationAfterBestSignatureTime(new SilentOnStatusAlert());
		if (this.online) {
			// the addresses come from the uploaded PDF: public http(s) only (ADR 34)
			verifier.setAIASource(new DefaultAIASource(new PublicHttpLoader()));
			verifier.setCrlSource(new OnlineCRLSource(new PublicHttpLoader()));
			PublicHttpLoader ocsp = new PublicHttpLoader();
			ocsp.setContentType("application/ocsp-request");
			verifier.setOcspSource(new OnlineOCSPSource(ocsp));
		}
		else {
			verifier.setAIASource(null);
			verifier.setCrlSource(null);
			verifier.setOcspSource(null);
		}
		return verifier;
	}

	/**
	 * The trust anchors, read once: the configured certificates, and the demo
	 * authority's.
	 */
	private CommonTrustedCertificateSource anchors() {
		CommonTrustedCertificateSource anchors = this.anchors;
		if (anchors != null) {
			return anchors;
		}
		anchors = new CommonTrustedCertificateSource();
		for (Path file : this.trusted) {
			try (InputStream in = Files.newInputStream(file)) {
				anchors.addCertificate(DSSUtils.loadCertificate(in));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read the trusted certificate " + file, ex);
			}
		}
		if (this.keys.demo()) {
			anchors.addCertificate(new CertificateToken(this.demo.certificate()));
		}
		this.anchors = anchors;
		return anchors;
	}

	private static SignatureReport report(Reports reports) {
		SimpleReport simple = reports.getSimpleReport();
		DiagnosticData diagnostic = reports.getDiagnosticData();
		List<SignatureReport.SignatureCheck> checks = new ArrayList<>();
		for (String id : simple.getSignatureIdList()) {
			SignatureWrapper signature = diagnostic.getSignatureById(id);
			Indication indication = simple.getIndication(id);
			SubIndication sub = simple.getSubIndication(id);
			boolean changed = sub == SubIndication.HASH_FAILURE;
			List<CertificateWrapper> chain = List.of();
			String signedBy = simple.getSignedBy(id);
			Instant claimed = instant(simple.getSigningTime(id));
			String reason = null;
			if (signature != null) {
				for (XmlDigestMatcher matcher : signature.getDigestMatchers()) {
					changed |= !matcher.isDataIntact();
				}
				PDFRevisionWrapper revision = signature.getPDFRevision();
				if (revision != null) {
					changed |= revision.arePdfModificationsDetected();
					reason = revision.getReason();
				}
				chain = signature.getCertificateChain();
				if (signature.getSigningCertificate() != null) {
					signedBy = signature.getSigningCertificate().getCommonName();
				}
				claimed = claimed == null ? instant(signature.getClaimedSigningTime()) : claimed;
			}
			Instant timestamp = simple.getSignatureTimestamps(id)
				.stream()
				.map(XmlTimestamp::getProductionTime)
				.map(SignatureValidation::instant)
				.findFirst()
				.orElse(null);
			checks.add(new SignatureReport.SignatureCheck(id, signedBy, claimed, timestamp, verdict(indication),
					indication == null ? null : indication.name(), sub == null ? null : sub.name(), changed,
					simple.getSignatureFormat(id) == null ? null : simple.getSignatureFormat(id).toString(), reason,
					chain.stream()
						.map(c -> new SignatureReport.ChainCertificate(c.getCertificateDN(), c.getCommonName(),
								c.getCertificateIssuerDN(), instant(c.getNotBefore()), instant(c.getNotAfter()),
								c.isTrusted(), c.isSelfSigned()))
						.toList(),
					messages(simple.getAdESValidationErrors(id)), messages(simple.getAdESValidationWarnings(id))));
		}
		return new SignatureReport(checks.size(),
				(int) checks.stream().filter(c -> c.verdict() == SignatureReport.Verdict.VALID).count(), checks);
	}

	static SignatureReport.Verdict verdict(Indication indication) {
		if (indication == null) {
			return SignatureReport.Verdict.INDETERMINATE;
		}
		return switch (indication) {
			case TOTAL_PASSED, PASSED -> SignatureReport.Verdict.VALID;
			case TOTAL_FAILED, FAILED -> SignatureReport.Verdict.INVALID;
			default -> SignatureReport.Verdict.INDETERMINATE;
		};
	}

	private static List<String> messages(List<Message> messages) {
		return messages == null ? List.of() : messages.stream().map(Message::getValue).toList();
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
