package vn.motcua.api;

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

/** Figures of a unit from live data (counts only, no personal data: public). */
@RestController
@RequestMapping("/api/v1/reports/{unitCode}")
@Tag(name = "Reports", description = "A unit's figures from live data")
class ReportApiController {

	private final Reports reports;

	ReportApiController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/timeliness")
	@Operation(summary = "Dossiers received and resolved in a period, early, on time and late")
	TimelinessReport timeliness(@PathVariable String unitCode, @RequestParam Instant from, @RequestParam Instant to) {
		return this.reports.timeliness(unitCode, from, to);
	}

}
