package vn.motcua.feedback;

/** How satisfied the applicant was with a returned dossier (DOMAIN §9). */
public enum Rating {

	/** Rất hài lòng. */
	VERY_SATISFIED,
	/** Hài lòng. */
	SATISFIED,
	/** Không hài lòng: a reason is required. */
	NOT_SATISFIED

}
