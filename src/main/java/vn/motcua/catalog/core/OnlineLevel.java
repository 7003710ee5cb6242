package vn.motcua.catalog.core;

/** How far a procedure can be done online (Decree 42/2022). */
public enum OnlineLevel {

	/** Toàn trình: submitted, paid and returned online. */
	FULL,
	/** Một phần: submitted online, some step in person. */
	PARTIAL,
	/** Not offered online. */
	NONE

}
