package vn.motcua.dossier;

/** How a dossier arrived (kênh tiếp nhận). */
public enum Channel {

	/** At the one-stop counter. */
	COUNTER,
	/** By post (bưu chính công ích). */
	POST,
	/** Online, through the national or the unit's portal. */
	ONLINE

}
