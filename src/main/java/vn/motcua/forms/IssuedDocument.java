package vn.motcua.forms;

import java.time.Instant;

/**
 * A paper the one-stop shop issued, kept with its dossier (or with the intake slip that
 * became no dossier): its kind, the form set and form number it was made under (none for
 * a result), its document number and title, its content's SHA-256 and size in the file
 * store, when and by whom it was issued (null: by the system, at its event), and whether
 * the applicant is given it.
 */
public record IssuedDocument(long id, String dossierCode, Long slipId, String unitCode, FormKind kind, String formSet,
		String formNumber, String title, String number, String filename, String sha256, long sizeBytes,
		Instant issuedAt, String issuedBy, boolean forCitizen) {
}
