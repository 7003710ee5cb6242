package vn.motcua.signing;

import java.time.Instant;
import java.util.List;

/**
 * What the validation of a PDF found (DSS's simple report, with the certificate chains
 * from its diagnostic data): each signature, who made it, when, whether the document was
 * changed after it, and its verdict.
 *
 * @param signatureCount how many signatures the PDF has
 * @param signatures the signatures found, in the document's order; none for an unsigned
 * PDF
 * @param validSignatures how many of them are valid
 */
public record SignatureReport(int signatureCount, int validSignatures, List<SignatureCheck> signatures) {

	public SignatureReport {
		signatures = List.copyOf(signatures);
	}

	/** DSS's indication in three words: valid, not valid, or not determined. */
	public enum Verdict {

		/** TOTAL_PASSED (or PASSED): Hợp lệ. */
		VALID,
		/** TOTAL_FAILED (or FAILED): Không hợp lệ. */
		INVALID,
		/** INDETERMINATE: Chưa xác định (e.g. an issuer that is not trusted). */
		INDETERMINATE

	}

	/**
	 * One signature.
	 *
	 * @param signedBy the signing certificate's subject CN
	 * @param signingTime the time the signer claims (the signed attribute), or null
	 * @param timestamp the time of a timestamp authority's token, or null (level B-B)
	 * @param documentChanged whether the signed bytes changed after signing (the byte
	 * range's digest does not match: HASH_FAILURE) or the revisions after it changed the
	 * pages
	 * @param indication DSS's indication (TOTAL_PASSED, TOTAL_FAILED, INDETERMINATE…)
	 * @param subIndication DSS's sub-indication (HASH_FAILURE,
	 * NO_CERTIFICATE_CHAIN_FOUND…), or null
	 * @param level the signature's format (e.g. PAdES-BASELINE-B)
	 * @param reason the reason in the signature dictionary, or null
	 * @param chain the certificate chain, the signer's first
	 * @param errors DSS's errors, in English
	 * @param warnings DSS's warnings, in English
	 */
	public record SignatureCheck(String id, String signedBy, Instant signingTime, Instant timestamp, Verdict verdict,
			String indication, String subIndication, boolean documentChanged, String level, String reason,
			List<ChainCertificate> chain, List<String> errors, List<String> warnings) {

		public SignatureCheck {
			chain = List.copyOf(chain);
			errors = List.copyOf(errors);
			warnings = List.copyOf(warnings);
		}

	}

	/**
	 * One certificate of a chain.
	 *
	 * @param trusted whether it is one of the trust anchors
	 * @param selfSigned whether its subject is its issuer
	 */
	public record ChainCertificate(String subject, String commonName, String issuer, Instant notBefore,
			Instant notAfter, boolean trusted, boolean selfSigned) {
	}

}
