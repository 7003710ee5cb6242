package vn.motcua.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.forms.IssuedDocument;
import vn.motcua.forms.IssuedDocuments;
import vn.motcua.org.Officers;

/**
 * The papers issued for a dossier (the standard forms as PDF, and its result), and a
 * unit's tracking register for a period (ADR 33); for who may read the dossier or the
 * unit's dossiers.
 */
@RestController
@Tag(name = "Issued documents", description = "Forms 01–07 as PDF and the result document (officers)")
class IssuedDocumentApiController {

	private final IssuedDocuments documents;

	private final Officers officers;

	IssuedDocumentApiController(IssuedDocuments documents, Officers officers) {
		this.documents = documents;
		this.officers = officers;
	}

	@GetMapping("/api/v1/dossiers/{code}/documents")
	@Operation(summary = "The documents issued for a dossier, oldest first: each form with its form set and number,"
			+ " and the result's drafts")
	List<IssuedDocument> list(@PathVariable String code, Authentication user) {
		return this.documents.ofDossier(this.officers.actor(user), code);
	}

	@GetMapping(path = "/api/v1/dossiers/{code}/documents/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "One issued document's PDF")
	ResponseEntity<InputStreamResource> download(@PathVariable String code, @PathVariable long id,
			Authentication user) {
		IssuedDocuments.Content content = this.documents.open(this.officers.actor(user), code, id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.contentLength(content.document().sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(content.document().filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(content.stream()));
	}

	@GetMapping(path = "/api/v1/units/{unit}/register", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "The unit's tracking register (Form 07) of the dossiers received from one day to another"
			+ " (both included, at most 366 days), as PDF")
	ResponseEntity<byte[]> register(@PathVariable String unit, @RequestParam LocalDate from, @RequestParam LocalDate to,
			Authentication user) {
		byte[] pdf = this.documents.register(this.officers.actor(user), unit, from, to);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("SoTheoDoi-" + unit + "-" + from + "-" + to + ".pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(pdf);
	}

}
