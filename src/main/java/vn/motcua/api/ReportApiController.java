package vn.motcua.api;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.org.Officers;
import vn.motcua.reporting.ExportJob;
import vn.motcua.reporting.KpiBreakdown;
import vn.motcua.reporting.KpiDossier;
import vn.motcua.reporting.KpiDossiers;
import vn.motcua.reporting.KpiExports;
import vn.motcua.reporting.KpiMeasure;
import vn.motcua.reporting.KpiReport;
import vn.motcua.reporting.KpiSelection;
import vn.motcua.reporting.Kpis;
import vn.motcua.reporting.Reports;
import vn.motcua.reporting.TimelinessReport;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Figures of a unit from live data: its timeliness between two instants (counts only, no
 * personal data: public), its KPIs, the dossiers behind each of their numbers, and their
 * XLSX exports (for its officers and the supervisors above it).
 */
@RestController
@RequestMapping("/api/v1/reports/{unitCode}")
@Tag(name = "Reports", description = "A unit's figures from live data")
class ReportApiController {

	private static final MediaType XLSX = MediaType.parseMediaType(KpiExports.XLSX);

	private final Reports reports;

	private final Kpis kpis;

	private final KpiDossiers dossiers;

	private final KpiExports exports;

	private final Officers officers;

	ReportApiController(Reports reports, Kpis kpis, KpiDossiers dossiers, KpiExports exports, Officers officers) {
		this.reports = reports;
		this.kpis = kpis;
		this.dossiers = dossiers;
		this.exports = exports;
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

	@GetMapping("/dossiers")
	@Operation(summary = "The dossiers behind one number of the KPIs, a page at a time, by code",
			description = "The same unit, period and subtree as the KPIs, the number's name as measure"
					+ " (received, receivedAtCounter, receivedByPost, receivedOnline, carriedOver, resolved,"
					+ " resolvedEarly, resolvedOnTime, resolvedLate, refused, stopped, withdrawn, inProgress,"
					+ " inProgressInTime, overdue, supplementRequests, apologies) and, for a row of a breakdown, by"
					+ " and the row's key (a procedure code, COUNTER/POST/ONLINE, a unit code, a field, a month as"
					+ " YYYY-MM). The total equals the KPI's number, except supplementRequests (dossiers by their"
					+ " first request, not requests) and, for a past period, overdue (by the last known due day).")
	Page<KpiDossier> dossiers(@PathVariable String unitCode, @RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam String measure, @RequestParam(defaultValue = "false") boolean subtree,
			@RequestParam(required = false) String by, @RequestParam(required = false) String key,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			Authentication user) {
		return this.dossiers.page(this.officers.actor(user), selection(unitCode, from, to, measure, subtree, by, key),
				page, size);
	}

	@GetMapping("/exports/kpis")
	@Operation(summary = "The KPIs as an XLSX file: the totals, then a sheet per breakdown",
			description = "By month, field, channel, unit (with subtree=true) and procedure; Vietnamese headings,"
					+ " dates as dates, rates as percentages.")
	ResponseEntity<byte[]> exportKpis(@PathVariable String unitCode, @RequestParam LocalDate from,
			@RequestParam LocalDate to, @RequestParam(defaultValue = "false") boolean subtree, Authentication user) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exports.report(this.officers.actor(user), unitCode, from, to, subtree, out);
		return xlsx(KpiExports.filename(unitCode, from, to), out.toByteArray());
	}

	@GetMapping("/exports/dossiers")
	@Operation(summary = "The dossiers behind a number as an XLSX file, at once",
			description = "Up to the direct limit (2,000 dossiers); a longer list is 409 EXPORT_TOO_LONG: ask for an"
					+ " export job with POST.")
	ResponseEntity<byte[]> exportDossiers(@PathVariable String unitCode, @RequestParam LocalDate from,
			@RequestParam LocalDate to, @RequestParam String measure,
			@RequestParam(defaultValue = "false") boolean subtree, @RequestParam(required = false) String by,
			@RequestParam(required = false) String key, Authentication user) {
		KpiSelection selection = selection(unitCode, from, to, measure, subtree, by, key);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.exports.dossiers(this.officers.actor(user), selection, out);
		return xlsx(KpiExports.filename(selection), out.toByteArray());
	}

	@PostMapping("/exports/dossiers")
	@Operation(summary = "Starts an export job of the dossiers behind a number, for a list of any length",
			description = "202 with the job; follow its progress at the Location, download its file when done.")
	ResponseEntity<ExportJobResponse> startExport(@PathVariable String unitCode, @RequestParam LocalDate from,
			@RequestParam LocalDate to, @RequestParam String measure,
			@RequestParam(defaultValue = "false") boolean subtree, @RequestParam(required = false) String by,
			@RequestParam(required = false) String key, Authentication user) {
		ExportJob job = this.exports.start(this.officers.actor(user),
				selection(unitCode, from, to, measure, subtree, by, key));
		ExportJobResponse response = ExportJobResponse.of(job);
		return ResponseEntity.accepted().location(URI.create(response.progress())).body(response);
	}

	@GetMapping("/exports/jobs/{id}")
	@Operation(summary = "An export job's progress, for the one who asked for it")
	ExportJobResponse job(@PathVariable String unitCode, @PathVariable String id, Authentication user) {
		return ExportJobResponse.of(ownJob(unitCode, id, user));
	}

	/** The caller's job, when it is of the unit in the path. */
	private ExportJob ownJob(String unitCode, String id, Authentication user) {
		ExportJob job = this.exports.job(this.officers.actor(user), id);
		if (!job.selection().unit().equals(unitCode)) {
			throw Problem.notFound(ProblemCode.EXPORT_NOT_FOUND, "id", "no export " + id + " of unit " + unitCode);
		}
		return job;
	}

	@GetMapping("/exports/jobs/{id}/file")
	@Operation(summary = "A finished export job's XLSX file", description = "409 EXPORT_NOT_READY until it is done.")
	ResponseEntity<InputStreamResource> jobFile(@PathVariable String unitCode, @PathVariable String id,
			Authentication user) {
		ExportJob job = ownJob(unitCode, id, user);
		InputStream content = this.exports.file(this.officers.actor(user), id);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(job.filename()))
			.body(new InputStreamResource(content));
	}

	/**
	 * An export job: where it is, how far ({@code percent}), where to follow it and, when
	 * done, where its file is.
	 */
	record ExportJobResponse(String id, String unit, String measure, LocalDate from, LocalDate to, boolean subtree,
			String by, String key, ExportJob.Status status, long total, long done, int percent, String filename,
			Long sizeBytes, String error, Instant createdAt, Instant finishedAt, String progress, String file) {

		static ExportJobResponse of(ExportJob job) {
			KpiSelection s = job.selection();
			String base = "/api/v1/reports/" + s.unit() + "/exports/jobs/" + job.id();
			return new ExportJobResponse(job.id(), s.unit(), s.measure().key(), s.from(), s.to(), s.subtree(),
					s.by() == null ? null : s.by().name().toLowerCase(), s.key(), job.status(), job.total(), job.done(),
					job.percent(), job.filename(), job.sizeBytes(), job.error(), job.createdAt(), job.finishedAt(),
					base, job.status() == ExportJob.Status.DONE ? base + "/file" : null);
		}

	}

	@GetMapping("/timeliness")
	@Operation(summary = "Dossiers received and resolved in a period, early, on time and late")
	TimelinessReport timeliness(@PathVariable String unitCode, @RequestParam Instant from, @RequestParam Instant to) {
		return this.reports.timeliness(unitCode, from, to);
	}

	private static KpiSelection selection(String unit, LocalDate from, LocalDate to, String measure, boolean subtree,
			String by, String key) {
		return new KpiSelection(unit, from, to, subtree, KpiMeasure.parse(measure), KpiBreakdown.parse(by),
				key == null || key.isBlank() ? null : key.strip());
	}

	private static ResponseEntity<byte[]> xlsx(String filename, byte[] content) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(filename))
			.body(content);
	}

	private static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
	}

}
