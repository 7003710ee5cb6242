package vn.motcua.catalog.core;

/** How a fee (phí, lệ phí) is counted. */
public enum FeeKind {

	/** One amount per dossier. */
	FIXED,
	/** The amount per copy asked for (e.g. a copy of a civil-status extract). */
	PER_COPY,
	/** The amount per page (e.g. the certification of copies, chứng thực bản sao). */
	PER_PAGE,
	/** Nothing is due: the law exempts the procedure (its basis says which law). */
	EXEMPT

}
