package vn.motcua.forms;

import java.time.Instant;

/**
 * A paper the one-stop shop issued, kept with its dossier (or with the intake slip that
 * became no dossier): its kind, the form set and form number it was made under (none for
 * a result), its document number and title, its content's SHA-256 and size in the file
 * store, when and by whom it was issued (null: by the system, at its event), and whether
 * the applicant is given it; who signed it ({@code unit:<code>} for the unit's seal,
 * {@code officer:<username>}) and at which PAdES level, both null when it is unsigned.
 */
public record IssuedDocument(long id, String dossierCode, Long slipId, String unitCode, FormKind kind, String formSet,
		String formNumber, String title, String number, String filename, String sha256, long sizeBytes,
		Instant issuedAt, String issuedBy, boolean forCitizen, String signedBy, String signatureLevel) {

	/** Whether the document carries the signature it was issued with. */
	public boolean signed() {
		return this.signedBy != null;
	}

}
