package vn.motcua.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.security.core.Authentication;
import vn.motcua.org.Officers;
import vn.motcua.reporting.KpiBreakdown;
import vn.motcua.reporting.KpiReport;
import vn.motcua.reporting.Kpis;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.reporting.Reports;
import vn.motcua.reporting.TimelinessReport;

/**
 * Figures of a unit from live data: its timeliness between two instants (counts only, no
 * personal data: public) and its KPIs (for its officers and the supervisors above it).
 */
@RestController
@RequestMapping("/api/v1/reports/{unitCode}")
@Tag(name = "Reports", description = "A unit's figures from live data")
class ReportApiController {

	private final Reports reports;

	private final Kpis kpis;

	private final Officers officers;

	ReportApiController(Reports reports, Kpis kpis, Officers officers) {
		this.reports = reports;
		this.kpis = kpis;
		this.officers = officers;
	}

	@GetMapping("/kpis")
	@Operation(summary = "A unit's KPIs for a period of local dates, both ends included",
			description = "Received (by channel), carried over, resolved early / on time / late, in progress in time"
					+ " and overdue at the period's end, supplement requests, refused, stopped, withdrawn, apologies,"
					+ " online share and satisfaction; rates as fractions. With subtree=true the units below count"
					+ " too; by= breaks the figures down. For the unit's officers and the supervisors above it.")
	KpiReport kpis(@PathVariable String unitCode, @RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(defaultValue = "false") boolean subtree, @Parameter(
					description = "field, procedure, channel, month or unit") @RequestParam(required = false) String by,
			Authentication user) {
		return this.kpis.report(this.officers.actor(user), unitCode, from, to, subtree, KpiBreakdown.parse(by));
	}

	@GetMapping("/timeliness")
	@Operation(summary = "Dossiers received and resolved in a period, early, on time and late")
	TimelinessReport timeliness(@PathVariable String unitCode, @RequestParam Instant from, @RequestParam Instant to) {
		return this.reports.timeliness(unitCode, from, to);
	}

}
