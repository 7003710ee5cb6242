package vn.motcua.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.Optional;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;

import vn.motcua.document.Uploads;
import vn.motcua.dossier.DossierNotFound;
import vn.motcua.forms.IssuedDocuments;
import vn.motcua.dossier.ApplicantUploads;
import vn.motcua.dossier.Scan;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.feedback.Rating;
import vn.motcua.feedback.Ratings;
import vn.motcua.shared.Problem;
import vn.motcua.shared.Budget;
import vn.motcua.shared.RateLimited;
import vn.motcua.shared.RateLimits;

/**
 * The citizen's look-up of a dossier by its code and the last four digits of their ID or
 * phone number, the upload of what they were asked to add (a supplement, or what the
 * check of an online submission asked for) with the same proof, and their rating once the
 * result is returned; each limited per client address and, for wrong digits, per dossier
 * (ADR 17).
 */
@Controller
class LookupPageController {

	private final DossierQueries dossiers;

	private final Ratings ratings;

	private final RateLimits limits;

	private final MessageSource messages;

	private final ProblemMessages problems;

	private final ApplicantUploads uploads;

	private final Uploads files;

	private final FeePayments fees;

	private final IssuedDocuments issued;

	LookupPageController(DossierQueries dossiers, Ratings ratings, RateLimits limits, MessageSource messages,
			ProblemMessages problems, ApplicantUploads uploads, Uploads files, FeePayments fees,
			IssuedDocuments issued) {
		this.fees = fees;
		this.issued = issued;
		this.files = files;
		this.problems = problems;
		this.uploads = uploads;
		this.dossiers = dossiers;
		this.ratings = ratings;
		this.limits = limits;
		this.messages = messages;
	}

	@GetMapping("/tra-cuu")
	String form(@RequestParam(required = false) String code, @RequestParam(required = false) String digits,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		model.addAttribute("code", code == null ? "" : code.strip());
		model.addAttribute("digits", digits == null ? "" : digits.strip());
		if (code == null || code.isBlank() || digits == null || digits.isBlank()) {
			// the link in a message names the code only: the form, with the code filled
			// in
			return "lookup";
		}
		try {
			PublicStatus status = this.limits.proving(Budget.LOOKUP, request.getRemoteAddr(), code.strip(),
					() -> this.dossiers.lookup(code.strip(), digits.strip()));
			show(status, digits, model, locale);
		}
		catch (RateLimited ex) {
			RateLimitPages.refuse(ex, response, model, this.messages, locale);
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
		model.addAttribute("fee", this.fees.offer(status.code()));
	}

	/**
	 * The applicant pays the dossier's fee online, proving the dossier as for the
	 * look-up: the order is made once per the form's key (a double click makes one) and
	 * the payer sent to the gateway; the look-up again with the error otherwise.
	 */
	@PostMapping("/tra-cuu/nop-phi")
	String pay(@RequestParam String code, @RequestParam String digits, @RequestParam(required = false) String key,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		model.addAttribute("code", code.strip());
		model.addAttribute("digits", digits.strip());
		try {
			PublicStatus status = this.limits.proving(Budget.LOOKUP, request.getRemoteAddr(), code.strip(),
					() -> this.dossiers.lookup(code.strip(), digits.strip()));
			Optional<URI> gateway = this.fees.start(status.code(), key, request.getRemoteAddr());
			if (gateway.isPresent()) {
				return "redirect:" + gateway.get();
			}
			return "redirect:" + lookupUrl(status.code(), digits.strip());
		}
		catch (RateLimited ex) {
			RateLimitPages.refuse(ex, response, model, this.messages, locale);
			return "lookup";
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			if (ex.kind() == Problem.Kind.NOT_FOUND) {
				model.addAttribute("error", this.messages.getMessage("lookup.notFound", null, locale));
				return "lookup";
			}
			model.addAttribute("payError", this.problems.message(ex, locale));
			show(this.dossiers.lookup(code.strip(), digits.strip()), digits, model, locale);
			return "lookup";
		}
	}

	/** An e-receipt of the dossier, for who proves it as for the look-up. */
	@GetMapping("/tra-cuu/bien-lai/{id}")
	ResponseEntity<InputStreamResource> receipt(@PathVariable long id, @RequestParam String code,
			@RequestParam String digits, HttpServletRequest request) {
		PublicStatus status = this.limits.proving(Budget.LOOKUP, request.getRemoteAddr(), code.strip(),
				() -> this.dossiers.lookup(code.strip(), digits.strip()));
		return DocumentPageController.pdf(
				this.issued.openEReceipt(status.code(), id).orElseThrow(() -> DossierNotFound.forCode(status.code())),
				true);
	}

	private static String lookupUrl(String code, String digits) {
		return UriComponentsBuilder.fromPath("/tra-cuu")
			.queryParam("code", code)
			.queryParam("digits", digits)
			.encode()
			.toUriString();
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
		ApplicantUploads.UploadForm form = null;
		List<Scan> scans = List.of();
		try {
			// the upload proves the dossier as the look-up does, within the same budgets
			form = this.limits.proving(Budget.LOOKUP, request.getRemoteAddr(), code.strip(),
					() -> this.uploads.form(code.strip(), digits.strip()));
			scans = SubmissionForms.scans(this.files, form.components(), files, Map.of());
			this.uploads.upload(code.strip(), digits.strip(), scans, note);
			return "redirect:" + UriComponentsBuilder.fromPath("/tra-cuu")
				.queryParam("code", code.strip())
				.queryParam("digits", digits.strip())
				.queryParam("uploaded")
				.encode()
				.toUriString();
		}
		catch (RateLimited ex) {
			RateLimitPages.refuse(ex, response, model, this.messages, locale);
			return "lookup";
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			if (ex.kind() == Problem.Kind.NOT_FOUND) {
				model.addAttribute("error", this.messages.getMessage("lookup.notFound", null, locale));
				return "lookup";
			}
			if (form == null) {
				// the dossier waits for nothing from the applicant (any more)
				model.addAttribute("error", this.problems.message(ex, locale));
			}
			else {
				// beside its field, and in the summary above the form
				model.addAttribute("uploadErrors", uploadErrors(ex, form, locale));
			}
			model.addAttribute("note", note);
			show(this.dossiers.lookup(code.strip(), digits.strip()), digits, model, locale);
			return "lookup";
		}
		finally {
			this.files.release(scans);
		}
	}

	/** The upload's errors beside its inputs: a file per component, the note. */
	private FormErrors uploadErrors(Problem ex, ApplicantUploads.UploadForm form, Locale locale) {
		return this.problems.errors(ex, locale, "upload", uploadInputs(form), Map.of());
	}

	static List<String> uploadInputs(ApplicantUploads.UploadForm form) {
		List<String> inputs = new java.util.ArrayList<>(List.of("note"));
		for (int i = 0; i < form.components().size(); i++) {
			inputs.add("file-" + i);
		}
		return inputs;
	}

	@PostMapping("/tra-cuu/danh-gia")
	String rate(@RequestParam String code, @RequestParam String digits, @RequestParam(required = false) Rating rating,
			@RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
			Model model, Locale locale) {
		try {
			this.limits.proving(Budget.RATING, request.getRemoteAddr(), code, () -> {
				this.ratings.rate(code, digits, rating, reason);
				return null;
			});
			return "redirect:/tra-cuu?code=" + code + "&digits=" + digits + "&rated";
		}
		catch (RateLimited ex) {
			model.addAttribute("code", code);
			model.addAttribute("digits", digits);
			RateLimitPages.refuse(ex, response, model, this.messages, locale);
			return "lookup";
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			model.addAttribute("code", code);
			model.addAttribute("digits", digits);
			model.addAttribute("errors",
					this.problems.errors(ex, locale, "rating", List.of("rating-" + Rating.values()[0], "reason"),
							Map.of("rating", "rating-" + Rating.values()[0])));
			model.addAttribute("rating", rating);
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
