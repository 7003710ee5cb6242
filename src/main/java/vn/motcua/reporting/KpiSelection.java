package vn.motcua.reporting;

import java.time.LocalDate;

/**
 * The dossiers behind one number of a KPI report: the report's unit, period and subtree,
 * the measure, and optionally one row of a breakdown ({@code by} and its {@code key}: a
 * procedure code, a channel, a unit code, a field, a month as {@code 2026-03}).
 */
public record KpiSelection(String unit, LocalDate from, LocalDate to, boolean subtree, KpiMeasure measure,
		KpiBreakdown by, String key) {

}
