package vn.motcua.catalog.core;

/** Who may apply (đối tượng thực hiện). */
public enum ApplicantType {

	/** Công dân Việt Nam. */
	CITIZEN,
	/** Người nước ngoài. */
	FOREIGNER,
	/** Tổ chức. */
	ORGANIZATION,
	/** Doanh nghiệp, hộ kinh doanh. */
	BUSINESS

}
