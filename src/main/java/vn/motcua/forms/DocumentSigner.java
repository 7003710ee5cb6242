package vn.motcua.forms;

/**
 * The seam where the papers the one-stop shop issues are signed (issue 12, item 3): every
 * document passes through {@link #sign} once its PDF is made (a form) or uploaded (a
 * result) and before its bytes are hashed, stored and recorded, in
 * {@link IssuedDocuments#keep}. Forms are signed with the unit's seal; a result's draft
 * is kept as uploaded, and the result is signed with the leader's key when the leader
 * approves it ({@link ResultApproval}). Without a bean of this type the documents are
 * kept unsigned ({@link #UNSIGNED}).
 */
@FunctionalInterface
public interface DocumentSigner {

	/** Keeps the bytes as they are. */
	DocumentSigner UNSIGNED = (signing, pdf) -> Signed.not(pdf);

	/**
	 * Who signs what: the kind of document, for which unit and dossier (null for an
	 * intake slip or a register), and the officer who signs (username), or null for the
	 * unit's seal (for a result: its draft, kept unsigned).
	 */
	record Signing(FormKind kind, String unitCode, String dossierCode, String signer) {
	}

	/**
	 * A document's bytes after signing, and who signed them at which level (both null
	 * when it was not signed).
	 */
	record Signed(byte[] pdf, String signedBy, String level) {

		static Signed not(byte[] pdf) {
			return new Signed(pdf, null, null);
		}

	}

	/** The document signed: a PDF whose content is {@code pdf} with a signature added. */
	Signed sign(Signing signing, byte[] pdf);

}
