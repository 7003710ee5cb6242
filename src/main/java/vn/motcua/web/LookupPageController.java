package vn.motcua.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import vn.motcua.dossier.ApplicantUploads;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.Ratings;
import vn.motcua.shared.Problem;
import vn.motcua.shared.RateLimiter;

/**
 * The citizen's look-up of a dossier by its code and the last four digits of their ID or
 * phone number (rate-limited per client address), the upload of what they were asked to
 * add (a supplement, or what the check of an online submission asked for) with the same
 * proof, and their rating once the result is returned.
 */
@Controller
class LookupPageController {

	private final DossierQueries dossiers;

	private final Ratings ratings;

	private final RateLimiter limiter;

	private final MessageSource messages;

	private final ApplicantUploads uploads;

	LookupPageController(DossierQueries dossiers, Ratings ratings, RateLimiter lookupRateLimiter,
			MessageSource messages, ApplicantUploads uploads) {
		this.uploads = uploads;
		this.dossiers = dossiers;
		this.ratings = ratings;
		this.limiter = lookupRateLimiter;
		this.messages = messages;
	}

	@GetMapping("/tra-cuu")
	String form(@RequestParam(required = false) String code, @RequestParam(required = false) String digits,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		model.addAttribute("code", code == null ? "" : code.strip());
		model.addAttribute("digits", digits == null ? "" : digits.strip());
		if (code == null || code.isBlank()) {
			return "lookup";
		}
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("error", this.messages.getMessage("lookup.tooMany", null, locale));
			return "lookup";
		}
		try {
			show(this.dossiers.lookup(code.strip(), digits == null ? null : digits.strip()), digits, model, locale);
		}
		catch (Problem ex) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("error", this.messages.getMessage("lookup.notFound", null, locale));
		}
		return "lookup";
	}

	/**
	 * The dossier's status, what it waits for from the applicant and, when it waits for
	 * something, the form to upload it.
	 */
	private void show(PublicStatus status, String digits, Model model, Locale locale) {
		model.addAttribute("status", status);
		model.addAttribute("fmt", new Formats.Bound(locale));
		model.addAttribute("canRate",
				status.status() == DossierStatus.RETURNED && !this.ratings.isRated(status.code()));
		model.addAttribute("ratings", Rating.values());
		if (status.awaitsApplicant()) {
			model.addAttribute("upload", this.uploads.form(status.code(), digits == null ? null : digits.strip()));
		}
	}

	/**
	 * The applicant uploads what they were asked to add, proving the dossier as for the
	 * look-up; back to the look-up, which says it arrived, or the form again with the
	 * error beside its field and the note kept.
	 */
	@PostMapping("/tra-cuu/bo-sung")
	String upload(@RequestParam String code, @RequestParam String digits, @RequestParam(required = false) String note,
			@RequestParam Map<String, MultipartFile> files, HttpServletRequest request, HttpServletResponse response,
			Model model, Locale locale) {
		model.addAttribute("code", code.strip());
		model.addAttribute("digits", digits.strip());
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("error", this.messages.getMessage("lookup.tooMany", null, locale));
			return "lookup";
		}
		try {
			ApplicantUploads.UploadForm form = this.uploads.form(code.strip(), digits.strip());
			this.uploads.upload(code.strip(), digits.strip(), SubmissionForms.scans(form.components(), files), note);
			return "redirect:" + UriComponentsBuilder.fromPath("/tra-cuu")
				.queryParam("code", code.strip())
				.queryParam("digits", digits.strip())
				.queryParam("uploaded")
				.encode()
				.toUriString();
		}
		catch (Problem ex) {
			response.setStatus(switch (ex.kind()) {
				case NOT_FOUND -> 404;
				case CONFLICT -> 409;
				case FORBIDDEN -> 403;
				default -> 400;
			});
			if (ex.kind() == Problem.Kind.NOT_FOUND) {
				model.addAttribute("error", this.messages.getMessage("lookup.notFound", null, locale));
				return "lookup";
			}
			String message = this.messages.getMessage("problem." + ex.code(), null, ex.getMessage(), locale);
			if (ex.kind() == Problem.Kind.INVALID && !ex.violations().isEmpty()) {
				// beside its field, and in the summary above the form
				model.addAttribute("uploadErrorField", ex.violations().get(0).field());
				model.addAttribute("uploadError", message);
			}
			else {
				model.addAttribute("error", message);
			}
			model.addAttribute("note", note);
			show(this.dossiers.lookup(code.strip(), digits.strip()), digits, model, locale);
			return "lookup";
		}
	}

	@PostMapping("/tra-cuu/danh-gia")
	String rate(@RequestParam String code, @RequestParam String digits, @RequestParam(required = false) Rating rating,
			@RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
			Model model, Locale locale) {
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("error", this.messages.getMessage("lookup.tooMany", null, locale));
			return "lookup";
		}
		try {
			this.ratings.rate(code, digits, rating, reason);
			return "redirect:/tra-cuu?code=" + code + "&digits=" + digits + "&rated";
		}
		catch (Problem ex) {
			response
				.setStatus(ex.kind() == Problem.Kind.NOT_FOUND ? 404 : ex.kind() == Problem.Kind.CONFLICT ? 409 : 400);
			model.addAttribute("code", code);
			model.addAttribute("digits", digits);
			model.addAttribute("error",
					this.messages.getMessage("problem." + ex.code(), null, ex.getMessage(), locale));
			if (ex.kind() != Problem.Kind.NOT_FOUND) {
				PublicStatus status = this.dossiers.lookup(code, digits);
				model.addAttribute("status", status);
				model.addAttribute("fmt", new Formats.Bound(locale));
				model.addAttribute("canRate", status.status() == DossierStatus.RETURNED && !this.ratings.isRated(code));
				model.addAttribute("ratings", Rating.values());
				model.addAttribute("reason", reason);
			}
			return "lookup";
		}
	}

}
