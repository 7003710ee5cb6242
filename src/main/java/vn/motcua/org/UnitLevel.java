package vn.motcua.org;

/** The tier of a unit in the administrative tree, from the top. */
public enum UnitLevel {

	/** Tỉnh / thành phố trực thuộc trung ương. */
	PROVINCE(1),
	/** Thành phố, quận, huyện, thị xã (until 1 July 2025). */
	CITY(2),
	/** Phường. */
	WARD(3),
	/** Xã, thị trấn. */
	COMMUNE(3);

	private final int depth;

	UnitLevel(int depth) {
		this.depth = depth;
	}

	/** Whether a unit of this level may sit directly under one of {@code parent}. */
	public boolean mayBeUnder(UnitLevel parent) {
		return this.depth > parent.depth;
	}

}
