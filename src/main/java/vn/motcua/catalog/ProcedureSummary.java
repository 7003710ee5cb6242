package vn.motcua.catalog;

import java.time.LocalDate;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.catalog.core.OnlineLevel;

/** A procedure as listed in the catalog: the version in force on the day asked about. */
public record ProcedureSummary(String unitCode, String code, String name, String field, int version,
		LocalDate effectiveFrom, ProcessingTime statutoryTime, ProcessingTime committedTime, OnlineLevel onlineLevel,
		long feeTotal, boolean posted) {
}
