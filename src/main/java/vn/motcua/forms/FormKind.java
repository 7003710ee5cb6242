package vn.motcua.forms;

/**
 * What an issued document is: one of the standard forms (its number depends on the form
 * set, see {@link FormSets}), or the dossier's result. {@code forCitizen}: whether the
 * applicant is given it (the control slip and the register are the office's).
 */
public enum FormKind {

	/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (01). */
	RECEIPT(true),
	/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (02): also the intake's guidance slip. */
	SUPPLEMENT_REQUEST(true),
	/** Phiếu từ chối tiếp nhận giải quyết hồ sơ (03). */
	REFUSAL(true),
	/** Phiếu xin lỗi và hẹn lại ngày trả kết quả (04). */
	APOLOGY(true),
	/** Phiếu dừng giải quyết hồ sơ (05 of Circular 03/2025; none before). */
	STOP_NOTICE(true),
	/** Phiếu kiểm soát quá trình giải quyết hồ sơ (06; 05 of Circular 01/2018). */
	CONTROL_SLIP(false),
	/** Sổ theo dõi hồ sơ (07; 06 of Circular 01/2018): a unit's, for a period. */
	REGISTER(false),
	/**
	 * The result of the dossier (kết quả giải quyết), uploaded by the officer in charge
	 * as a draft; the applicant's once the result is recorded.
	 */
	RESULT(true),
	/**
	 * Biên lai thu phí, lệ phí (điện tử): the electronic receipt of a fee paid, one per
	 * payment, sealed with the unit's key; the applicant's.
	 */
	E_RECEIPT(true);

	private final boolean forCitizen;

	FormKind(boolean forCitizen) {
		this.forCitizen = forCitizen;
	}

	public boolean forCitizen() {
		return this.forCitizen;
	}

}
