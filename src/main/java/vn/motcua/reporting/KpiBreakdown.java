package vn.motcua.reporting;

/** How a KPI report is broken down into rows. */
public enum KpiBreakdown {

	/** By the procedure's field (lĩnh vực). */
	FIELD,
	/** By procedure. */
	PROCEDURE,
	/** By channel: at the counter, by post, online. */
	CHANNEL,
	/** By calendar month within the period. */
	MONTH,
	/** By unit: the unit itself and each unit below it. */
	UNIT;

	/** The breakdown named in a request ({@code by=field}), or null for none. */
	public static KpiBreakdown parse(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		for (KpiBreakdown b : values()) {
			if (b.name().equalsIgnoreCase(name.strip())) {
				return b;
			}
		}
		throw vn.motcua.shared.Problem.invalid(vn.motcua.shared.ProblemCode.INVALID_PARAMETER, "by",
				"one of field, procedure, channel, month, unit");
	}

}
