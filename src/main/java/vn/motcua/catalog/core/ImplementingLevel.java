package vn.motcua.catalog.core;

/** The tier of government that carries out a procedure (cấp thực hiện). */
public enum ImplementingLevel {

	/** Cấp xã (ward, commune). */
	COMMUNE,
	/** Cấp huyện (until 1 July 2025). */
	DISTRICT,
	/** Cấp tỉnh. */
	PROVINCE,
	/** Cấp trung ương. */
	CENTRAL

}
