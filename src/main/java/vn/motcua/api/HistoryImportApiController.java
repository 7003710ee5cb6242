package vn.motcua.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.history.HistoryFormat;
import vn.motcua.history.HistoryImports;
import vn.motcua.history.ImportJob;
import vn.motcua.history.ImportNote;
import vn.motcua.org.Officers;
import vn.motcua.shared.Page;

/**
 * Imports of a unit's dossier history from a previous system, for its administrators (ADR
 * 29; the file formats: docs/history-import.md).
 */
@RestController
@RequestMapping("/api/v1/history-imports")
@Tag(name = "History imports", description = "A unit's dossiers from its previous system, with their history")
class HistoryImportApiController {

	private final HistoryImports imports;

	private final Officers officers;

	HistoryImportApiController(HistoryImports imports, Officers officers) {
		this.imports = imports;
		this.officers = officers;
	}

	@PostMapping(consumes = "*/*")
	@Operation(summary = "Queues the import of a history file (the request body, JSON Lines or CSV)",
			description = "Answers 202 with the job at once; the import runs in the background. Dossiers already"
					+ " imported from the same source (by their ID there) are left as they are.")
	ResponseEntity<ImportJob> start(@RequestParam String unit, @RequestParam String source,
			@Parameter(description = "jsonl or csv") @RequestParam String format,
			@RequestParam(required = false) String fileName, HttpServletRequest request, Authentication user)
			throws IOException {
		ImportJob job = this.imports.start(this.officers.actor(user), unit, source, HistoryFormat.parse(format),
				fileName, request.getInputStream());
		return ResponseEntity.accepted().location(URI.create("/api/v1/history-imports/" + job.id())).body(job);
	}

	@GetMapping
	@Operation(summary = "The unit's latest history imports, newest first")
	List<ImportJob> list(@RequestParam String unit, Authentication user) {
		return this.imports.jobs(this.officers.actor(user), unit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A history import and how far it got")
	ImportJob get(@PathVariable long id, Authentication user) {
		return this.imports.job(this.officers.actor(user), id);
	}

	@GetMapping("/{id}/report")
	@Operation(summary = "The import's report: lines with errors (line and field), dossiers judged otherwise"
			+ " than the source did and why, events not replayed")
	Page<ImportNote> report(@PathVariable long id,
			@Parameter(description = "ERROR, DIFFERS or NOTE") @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
			Authentication user) {
		return this.imports.notes(this.officers.actor(user), id, kind, page, size);
	}

}
