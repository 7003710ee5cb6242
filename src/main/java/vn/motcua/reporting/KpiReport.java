package vn.motcua.reporting;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.motcua.document.DigitizationRates;

/**
 * A unit's KPIs for a period (with the units below it when {@code subtree}), with the
 * number of procedures it has and has posted, its rows when broken down, and, when not
 * broken down, its rates of digitization and reuse (exact numerators and denominators,
 * ADR 32) and of online payment (ADR 36).
 */
public record KpiReport(String unit, String unitName, LocalDate from, LocalDate to, boolean subtree, KpiBreakdown by,
		long procedures, long proceduresPosted, @JsonUnwrapped KpiFigures figures, List<Row> rows,
		DigitizationRates digitization, OnlinePaymentRates payments) {

	/** The report without its rates of digitization and online payment. */
	public KpiReport(String unit, String unitName, LocalDate from, LocalDate to, boolean subtree, KpiBreakdown by,
			long procedures, long proceduresPosted, KpiFigures figures, List<Row> rows) {
		this(unit, unitName, from, to, subtree, by, procedures, proceduresPosted, figures, rows, null, null);
	}

	/** The report without its rates of online payment. */
	public KpiReport(String unit, String unitName, LocalDate from, LocalDate to, boolean subtree, KpiBreakdown by,
			long procedures, long proceduresPosted, KpiFigures figures, List<Row> rows,
			DigitizationRates digitization) {
		this(unit, unitName, from, to, subtree, by, procedures, proceduresPosted, figures, rows, digitization, null);
	}

	/**
	 * One row of a breakdown: its key (a code, a channel, a month), its name, its KPIs.
	 */
	public record Row(String key, String label, @JsonUnwrapped KpiFigures figures) {
	}

}
