package vn.motcua.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.document.CitizenStore;
import vn.motcua.document.DossierDocuments;
import vn.motcua.document.StoredFile;
import vn.motcua.document.Uploads;
import vn.motcua.dossier.Scan;
import vn.motcua.org.Officers;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * A dossier's files with their digitization records, the digitization of a component
 * after intake, and the data store of the applicant in front of the counter (ADR 32).
 * Every read is checked against who may see the dossier.
 */
@RestController
@Tag(name = "Documents", description = "Files of dossiers, digitization and reuse, citizens' data stores (officers)")
class DocumentApiController {

	/**
	 * A file of a dossier (a component, or its RESULT) and its digitization record: how
	 * it came (DIGITIZED, REUSED from an earlier dossier's component, FROM_STORE from an
	 * electronic result in the applicant's data store), from which earlier file, its
	 * SHA-256, who kept it and when.
	 */
	record FileResponse(long id, String dossierCode, String kind, String component, String filename, String contentType,
			long sizeBytes, String sha256, String origin, Long reusedFrom, Instant storedAt, String storedBy,
			boolean inApplicantStore) {

		static FileResponse of(StoredFile f) {
			return new FileResponse(f.id(), f.dossierCode(), f.kind(), f.component(), f.filename(), f.contentType(),
					f.sizeBytes(), f.sha256(), f.origin(), f.reusedFrom(), f.storedAt(), f.storedBy(),
					f.ownerId() != null);
		}

	}

	private final DossierDocuments documents;

	private final CitizenStore stores;

	private final Uploads uploads;

	private final Officers officers;

	DocumentApiController(DossierDocuments documents, CitizenStore stores, Uploads uploads, Officers officers) {
		this.documents = documents;
		this.stores = stores;
		this.uploads = uploads;
		this.officers = officers;
	}

	@GetMapping("/api/v1/dossiers/{code}/files")
	@Operation(summary = "A dossier's files (components and result), each with its digitization record")
	List<FileResponse> files(@PathVariable String code, Authentication user) {
		return this.documents.list(this.officers.actor(user), code).stream().map(FileResponse::of).toList();
	}

	@GetMapping("/api/v1/dossiers/{code}/files/{id}/content")
	@Operation(summary = "The content of one of a dossier's files, streamed; the read is recorded")
	ResponseEntity<InputStreamResource> content(@PathVariable String code, @PathVariable long id, Authentication user) {
		CitizenStore.Item item = this.documents.open(this.officers.actor(user), code, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(item.file().contentType()))
			.contentLength(item.file().sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(item.file().filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(item.content()));
	}

	@PostMapping(path = "/api/v1/dossiers/{code}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Digitize one of a dossier's components after intake: a PDF, JPEG or PNG in part 'file'"
			+ " (streamed, checked by its bytes, at most motcua.files.max-size), or the id of a file of the"
			+ " applicant's data store in 'reuseOf' (no new copy). 201 with the file's record; a refused file is a"
			+ " 400 problem naming 'file' and nothing of it is kept")
	ResponseEntity<FileResponse> digitize(@PathVariable String code, @RequestParam String component,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) Long reuseOf, Authentication user) {
		if (component.length() > 500) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "component", "at most 500 characters");
		}
		Scan scan;
		if (file != null && (file.getSize() > 0 || reuseOf == null)) {
			try (InputStream in = file.getInputStream()) {
				scan = this.uploads.receive("file", component, file.getOriginalFilename(), file.getContentType(), in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		else if (reuseOf != null) {
			scan = Scan.reuse("reuseOf", component, reuseOf);
		}
		else {
			throw Problem.invalid(ProblemCode.FILE_REQUIRED, "file", "send a file, or the id of one to reuse");
		}
		try {
			StoredFile kept = this.documents.digitize(this.officers.actor(user), code, scan);
			return ResponseEntity.created(URI.create("/api/v1/dossiers/" + code + "/files/" + kept.id() + "/content"))
				.body(FileResponse.of(kept));
		}
		finally {
			this.uploads.release(List.of(scan));
		}
	}

	@GetMapping("/api/v1/citizens/{idNumber}/store")
	@Operation(summary = "The data store of the applicant in front of the counter (their 12-digit personal ID number,"
			+ " seen on their card), newest first: the files to pick for reuse; empty for an officer who receives"
			+ " no dossiers")
	List<FileResponse> store(@PathVariable String idNumber, Authentication user) {
		return this.stores.forCounter(this.officers.actor(user), idNumber).stream().map(FileResponse::of).toList();
	}

}
