package vn.motcua.reporting;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A unit's KPIs for a period (with the units below it when {@code subtree}), with the
 * number of procedures it has and has posted, and its rows when broken down.
 */
public record KpiReport(String unit, String unitName, LocalDate from, LocalDate to, boolean subtree, KpiBreakdown by,
		long procedures, long proceduresPosted, @JsonUnwrapped KpiFigures figures, List<Row> rows) {

	/**
	 * One row of a breakdown: its key (a code, a channel, a month), its name, its KPIs.
	 */
	public record Row(String key, String label, @JsonUnwrapped KpiFigures figures) {
	}

}
