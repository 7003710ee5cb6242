package vn.motcua.catalog.core;

/** Where a procedure is posted for the public (niêm yết công khai). */
public enum PublicationChannel {

	/** At the one-stop counter (Bộ phận một cửa). */
	COUNTER,
	/** On the unit's web portal (Trang thông tin điện tử). */
	PORTAL

}
