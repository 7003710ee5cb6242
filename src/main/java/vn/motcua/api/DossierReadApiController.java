package vn.motcua.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.dossier.DossierReads;
import vn.motcua.org.Officers;

/** The audit of who read a dossier, for the administrator (issue 10). */
@RestController
@Tag(name = "Dossiers")
class DossierReadApiController {

	private final DossierReads reads;

	private final Officers officers;

	DossierReadApiController(DossierReads reads, Officers officers) {
		this.reads = reads;
		this.officers = officers;
	}

	@GetMapping("/api/v1/dossiers/{code}/reads")
	@Operation(summary = "Who opened a dossier, its history or one of its files, and when, newest first"
			+ " (the administrator only)")
	List<DossierReads.Read> reads(@PathVariable String code, Authentication user) {
		return this.reads.of(this.officers.actor(user), code);
	}

}
