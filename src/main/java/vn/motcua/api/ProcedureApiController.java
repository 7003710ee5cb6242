package vn.motcua.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogQuery;
import vn.motcua.catalog.ImportFormat;
import vn.motcua.catalog.ImportResult;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureNotFound;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.catalog.ProcedureVersion;
import vn.motcua.catalog.Publication;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.catalog.core.PublicationChannel;
import vn.motcua.org.Officers;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/** The procedure catalog: search, versions, import and export, publication. */
@RestController
@RequestMapping("/api/v1/procedures")
@Tag(name = "Procedures", description = "The units' catalogs of administrative procedures")
class ProcedureApiController {

	record ProcedureResponse(String unitCode, int version, LocalDate effectiveFrom,
			@JsonUnwrapped ProcedureContent content, List<Publication> publications, Double timeCutPercent,
			boolean posted) {
	}

	record FieldCount(String field, int procedures) {
	}

	record PublicationRequest(@NotNull PublicationChannel channel, LocalDate publishedOn) {
	}

	private final Catalog catalog;

	private final Units units;

	private final Officers officers;

	ProcedureApiController(Catalog catalog, Units units, Officers officers) {
		this.catalog = catalog;
		this.units = units;
		this.officers = officers;
	}

	@GetMapping
	@Operation(summary = "Search the catalog: words of the name or code (accents optional), field, unit, posted")
	Page<ProcedureSummary> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String field, @RequestParam(required = false) String unit,
			@RequestParam(required = false) Boolean posted, @RequestParam(required = false) LocalDate on,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return this.catalog.search(new CatalogQuery(unit, q, field, posted, on, page, size));
	}

	@GetMapping("/fields")
	@Operation(summary = "The fields of a unit's catalog, with their numbers of procedures")
	List<FieldCount> fields(@RequestParam String unit) {
		return this.catalog.fields(unit)
			.entrySet()
			.stream()
			.map(e -> new FieldCount(e.getKey(), e.getValue()))
			.toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "A procedure in the version in force on a day (default today)")
	ProcedureResponse get(@PathVariable String code, @RequestParam(required = false) String unit,
			@RequestParam(required = false) LocalDate on) {
		return response(this.catalog.get(unitOf(code, unit), code, on));
	}

	@GetMapping("/{code}/versions")
	@Operation(summary = "The versions of a procedure, each with the day it took effect")
	List<ProcedureVersion> versions(@PathVariable String code, @RequestParam(required = false) String unit) {
		return this.catalog.versions(unitOf(code, unit), code);
	}

	@PostMapping(path = "/import", consumes = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(
			summary = "Import a catalog file, JSON or CSV (an administrator of the unit): all rows, or none and every error")
	ImportResult importBody(@RequestParam String unit, @RequestParam(required = false) LocalDate effectiveFrom,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody byte[] body,
			Authentication user) {
		ImportFormat format = ImportFormat.detect(contentType).orElseThrow();
		return this.catalog.importFile(this.officers.actor(user), unit, format, body, effectiveFrom);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a catalog file uploaded as a form part 'file' (.json or .csv)")
	ImportResult importFile(@RequestParam String unit, @RequestParam(required = false) LocalDate effectiveFrom,
			@RequestPart("file") MultipartFile file, Authentication user) {
		ImportFormat format = ImportFormat.detect(file.getOriginalFilename())
			.or(() -> ImportFormat.detect(file.getContentType()))
			.orElseThrow(
					() -> Problem.invalid(ProblemCode.CATALOG_IMPORT_REJECTED, "file", "must be a .json or .csv file"));
		try {
			return this.catalog.importFile(this.officers.actor(user), unit, format, file.getBytes(), effectiveFrom);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/export")
	@Operation(summary = "Export a unit's catalog in force today, as JSON or CSV in the import format")
	ResponseEntity<byte[]> export(@RequestParam String unit, @RequestParam(defaultValue = "JSON") ImportFormat format) {
		byte[] file = this.catalog.export(unit, format);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType() + ";charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("catalog-" + unit + "." + format.extension())
						.build()
						.toString())
			.body(file);
	}

	@PostMapping("/{code}/publications")
	@Operation(summary = "Record that a procedure is posted at the counter or on the portal (administrator)")
	ResponseEntity<ProcedureResponse> publish(@PathVariable String code, @RequestParam(required = false) String unit,
			@Valid @RequestBody PublicationRequest request) {
		String unitCode = unitOf(code, unit);
		Procedure procedure = this.catalog.publish(unitCode, code, request.channel(), request.publishedOn());
		return ResponseEntity.created(URI.create("/api/v1/procedures/" + code + "?unit=" + unitCode))
			.body(response(procedure));
	}

	/** The unit named, or the only unit that has the procedure. */
	private String unitOf(String code, String unit) {
		if (unit != null && !unit.isBlank()) {
			return unit;
		}
		List<String> units = this.catalog.unitsWith(code);
		if (units.size() == 1) {
			return units.get(0);
		}
		if (units.isEmpty()) {
			throw ProcedureNotFound.forCode("any unit", code);
		}
		throw Problem.invalid(ProblemCode.UNIT_REQUIRED, "unit",
				"the procedure is at " + units.size() + " units " + units + "; name one");
	}

	private ProcedureResponse response(Procedure p) {
		double hoursPerDay = this.units.get("unit", p.unitCode()).hours().hoursPerDay();
		return new ProcedureResponse(p.unitCode(), p.version(), p.effectiveFrom(), p.content(), p.publications(),
				p.content().statutoryTime().cutPercent(p.content().committedTime(), hoursPerDay),
				p.postedOn(this.catalog.today()));
	}

}
