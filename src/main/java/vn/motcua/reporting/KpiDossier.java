package vn.motcua.reporting;

import java.time.Instant;
import java.time.LocalDate;

import vn.motcua.dossier.Channel;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Timeliness;

/**
 * A dossier as the reports last saw it ({@code report_dossier}): one line of the list
 * behind a KPI number. {@code procedureName} is the catalog's name today (the code when
 * the catalog no longer has it).
 */
public record KpiDossier(String code, String unitCode, String procedureCode, String procedureName, Channel channel,
		DossierStatus status, Instant receivedAt, Instant dueAt, Instant resolvedAt, Timeliness timeliness,
		LocalDate overdueDay, int supplementRequests, int apologies) {

}
