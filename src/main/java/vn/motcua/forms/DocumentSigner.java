package vn.motcua.forms;

/**
 * The seam where the papers the one-stop shop issues are signed (issue 12, item 3): every
 * document passes through {@link #sign} once its PDF is made (a form) or uploaded (a
 * result) and before its bytes are hashed, stored and recorded, in
 * {@link IssuedDocuments#keep}. Without a bean of this type the documents are kept
 * unsigned ({@link #UNSIGNED}); the signing module provides one that signs forms with the
 * unit's seal and a result with its signer's key (PAdES).
 */
@FunctionalInterface
public interface DocumentSigner {

	/** Keeps the bytes as they are. */
	DocumentSigner UNSIGNED = (signing, pdf) -> pdf;

	/**
	 * Who signs what: the kind of document, for which unit and dossier (null for an
	 * intake slip or a register), and the officer who signs (username), or null for the
	 * unit's seal.
	 */
	record Signing(FormKind kind, String unitCode, String dossierCode, String signer) {
	}

	/** The document signed: a PDF whose content is {@code pdf} with a signature added. */
	byte[] sign(Signing signing, byte[] pdf);

}
