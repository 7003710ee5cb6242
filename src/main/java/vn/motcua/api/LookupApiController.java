package vn.motcua.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.Ratings;
import vn.motcua.shared.Budget;
import vn.motcua.shared.RateLimits;

/**
 * A citizen's look-up of their dossier and their rating, proven by the code and four
 * digits; limited per client address and, for wrong digits, per dossier (ADR 17): 429
 * with {@code Retry-After}.
 */
@RestController
@RequestMapping("/api/v1/lookup/{code}")
@Tag(name = "Citizens", description = "Status look-up and rating by dossier code and four digits")
class LookupApiController {

	record RatingRequest(@NotBlank @Size(min = 4, max = 4) String digits, @NotNull Rating rating,
			@Size(max = 2000) String reason) {
	}

	private final DossierQueries dossiers;

	private final Ratings ratings;

	private final RateLimits limits;

	LookupApiController(DossierQueries dossiers, Ratings ratings, RateLimits limits) {
		this.dossiers = dossiers;
		this.ratings = ratings;
		this.limits = limits;
	}

	@GetMapping
	@Operation(summary = "The status of a dossier, given the last four digits of the applicant's ID or phone number")
	PublicStatus lookup(@PathVariable String code, @RequestParam String digits, HttpServletRequest request) {
		return this.limits.proving(Budget.LOOKUP, request.getRemoteAddr(), code,
				() -> this.dossiers.lookup(code, digits));
	}

	@PostMapping("/rating")
	@Operation(summary = "Rate a returned dossier, once")
	ResponseEntity<Void> rate(@PathVariable String code, @Valid @RequestBody RatingRequest body,
			HttpServletRequest request) {
		this.limits.proving(Budget.RATING, request.getRemoteAddr(), code, () -> {
			this.ratings.rate(code, body.digits(), body.rating(), body.reason());
			return null;
		});
		return ResponseEntity.noContent().build();
	}

}
