package vn.motcua.org;

/** Who does what at a unit (DOMAIN §1). */
public enum Role {

	/** Cán bộ một cửa: receives dossiers and returns results. */
	ONE_STOP_OFFICER,
	/** Chuyên viên: processes a dossier step. */
	SPECIALIST,
	/** Lãnh đạo: approves and signs. */
	LEADER,
	/** Kế toán: fees and payments. */
	FINANCE_OFFICER,
	/** Quản trị: catalog, calendar, users. */
	ADMINISTRATOR,
	/**
	 * Giám sát: the city or a People's Council delegation; reads its units, records
	 * oversight.
	 */
	SUPERVISOR,
	/** Công dân, tổ chức: submits and follows dossiers. */
	CITIZEN

}
