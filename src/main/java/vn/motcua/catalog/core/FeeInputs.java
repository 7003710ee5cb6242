package vn.motcua.catalog.core;

/**
 * What the applicant says that a dossier's fee depends on: how many copies and pages, and
 * the exempted group they belong to (null or blank: none).
 */
public record FeeInputs(int copies, int pages, String applicantGroup) {

	/** Nothing said: one copy, one page, no exempted group. */
	public static final FeeInputs NONE = new FeeInputs(1, 1, null);

	public FeeInputs {
		applicantGroup = applicantGroup == null || applicantGroup.isBlank() ? null : applicantGroup.strip();
	}

}
