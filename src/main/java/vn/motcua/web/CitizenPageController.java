package vn.motcua.web;

import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.document.CitizenStore;
import vn.motcua.document.Uploads;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ApplicantUploads;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.Scan;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.forms.IssuedDocuments;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The signed-in citizen's pages: their dossiers (by the ID number their sign-in vouches
 * for), online submission of a procedure offered online, and the upload of what a dossier
 * of theirs waits for (a supplement, or what the check of an online submission asked
 * for).
 */
@Controller
class CitizenPageController {

	private final DossierIntake intake;

	private final DossierQueries queries;

	private final Catalog catalog;

	private final Units units;

	private final ProblemMessages problems;

	private final String idClaim;

	private final ApplicantUploads uploads;

	private final IssuedDocuments issued;

	private final Uploads files;

	private final CitizenStore stores;

	private final FeePayments fees;

	CitizenPageController(DossierIntake intake, DossierQueries queries, Catalog catalog, Units units,
			ProblemMessages problems, ApplicantUploads uploads, IssuedDocuments issued, Uploads files,
			CitizenStore stores, FeePayments fees,
			@Value("${motcua.citizen-sign-in.id-claim:personal_id}") String idClaim) {
		this.fees = fees;
		this.issued = issued;
		this.files = files;
		this.stores = stores;
		this.uploads = uploads;
		this.intake = intake;
		this.queries = queries;
		this.catalog = catalog;
		this.units = units;
		this.problems = problems;
		this.idClaim = idClaim;
	}

	@GetMapping("/cong-dan")
	String mine(@AuthenticationPrincipal OidcUser citizen, Model model, Locale locale) {
		model.addAttribute("citizen", name(citizen));
		List<vn.motcua.dossier.PublicStatus> mine = this.queries.ofApplicant(idNumber(citizen));
		model.addAttribute("dossiers", mine);
		Map<String, FeePayments.Offer> offers = new java.util.HashMap<>();
		for (vn.motcua.dossier.PublicStatus d : mine) {
			FeePayments.Offer offer = this.fees.offer(d.code());
			if (offer != null) {
				offers.put(d.code(), offer);
			}
		}
		model.addAttribute("fees", offers);
		model.addAttribute("documents", this.issued.forApplicant(idNumber(citizen)));
		model.addAttribute("fmt", new Formats.Bound(locale));
		return "citizen/mine";
	}

	/**
	 * The citizen pays the fee of a dossier of theirs online: the order is made once per
	 * the form's key (a double click makes one) and the payer sent to the gateway; "my
	 * dossiers" again with the error otherwise.
	 */
	@PostMapping("/cong-dan/ho-so/{code}/nop-phi")
	String pay(@PathVariable String code, @RequestParam(required = false) String key,
			@AuthenticationPrincipal OidcUser citizen, jakarta.servlet.http.HttpServletRequest request, Model model,
			Locale locale, HttpServletResponse response) {
		if (this.queries.ofApplicant(idNumber(citizen))
			.stream()
			.map(vn.motcua.dossier.PublicStatus::code)
			.noneMatch(code::equals)) {
			throw vn.motcua.dossier.DossierNotFound.forCode(code);
		}
		try {
			return this.fees.start(code, key, request.getRemoteAddr())
				.map(uri -> "redirect:" + uri)
				.orElse("redirect:/cong-dan");
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			model.addAttribute("payError", this.problems.message(ex, locale));
			return mine(citizen, model, locale);
		}
	}

	@GetMapping("/cong-dan/nop-ho-so")
	String form(@RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
			@AuthenticationPrincipal OidcUser citizen, Model model) {
		SubmissionForms.chooser(model, this.units, this.catalog, unit, procedure);
		model.addAttribute("citizen", name(citizen));
		model.addAttribute("phone", citizen.getPhoneNumber());
		model.addAttribute("store", this.stores.of(idNumber(citizen)));
		return "citizen/submit";
	}

	/**
	 * The citizen's data store (Kho dữ liệu của tôi): their digitized components and
	 * electronic results, newest first.
	 */
	@GetMapping("/cong-dan/kho")
	String store(@AuthenticationPrincipal OidcUser citizen, Model model, Locale locale) {
		model.addAttribute("citizen", name(citizen));
		model.addAttribute("store", this.stores.of(idNumber(citizen)));
		model.addAttribute("fmt", new Formats.Bound(locale));
		return "citizen/store";
	}

	/** A file of the citizen's own data store, streamed; anyone else's is not found. */
	@GetMapping("/cong-dan/kho/{id}")
	ResponseEntity<InputStreamResource> storedFile(@PathVariable long id, @AuthenticationPrincipal OidcUser citizen) {
		CitizenStore.Item item = this.stores.open(idNumber(citizen), id);
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

	@PostMapping("/cong-dan/nop-ho-so")
	String submit(@RequestParam String unit, @RequestParam String procedure,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String address,
			@RequestParam(required = false) String copies, @RequestParam(required = false) String pages,
			@RequestParam(required = false) String applicantGroup,
			@RequestParam(name = "component", required = false) List<String> attached,
			@RequestParam Map<String, MultipartFile> files, @RequestParam Map<String, String> params,
			@AuthenticationPrincipal OidcUser citizen, Model model, Locale locale, HttpServletResponse response) {
		Procedure p = this.catalog.get(unit, procedure, null);
		model.addAttribute("store", this.stores.of(idNumber(citizen)));
		model.addAttribute("unit", unit);
		model.addAttribute("procedure", p);
		model.addAttribute("citizen", name(citizen));
		model.addAttribute("phone", phone);
		model.addAttribute("address", address);
		model.addAttribute("fmt", new Formats.Bound(locale));
		model.addAttribute("picks", params);
		model.addAttribute("form",
				Map.of("copies", nz(copies), "pages", nz(pages), "applicantGroup", nz(applicantGroup)));
		List<Scan> scans = List.of();
		try {
			// files are checked before anything is saved; a bad one brings the form back
			scans = SubmissionForms.scans(this.files, p, files, params);
			List<SubmittedComponent> components = SubmissionForms.components(p, attached, scans);
			DossierIntake.IntakeResult result = this.intake.submitOnline(idNumber(citizen),
					new DossierIntake.IntakeRequest(unit, procedure, null,
							new Applicant(name(citizen), null, blankToNull(phone), citizen.getEmail(),
									blankToNull(address)),
							components, false, null, SubmissionForms.feeInputs(copies, pages, applicantGroup)),
					scans);
			model.addAttribute("result", result);
			if (result.dossier() == null) {
				model.addAttribute("attached", attached == null ? List.of() : attached);
			}
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			List<String> inputs = new java.util.ArrayList<>(
					List.of("phone", "address", "copies", "pages", "applicantGroup"));
			for (int i = 0; i < p.content().components().size(); i++) {
				inputs.add("file-" + i);
			}
			model.addAttribute("errors", this.problems.errors(ex, locale, inputs,
					Map.of("fee.copies", "copies", "fee.pages", "pages", "fee.applicantGroup", "applicantGroup")));
			model.addAttribute("attached", attached == null ? List.of() : attached);
			model.addAttribute("filesLost", files.values().stream().anyMatch(f -> !f.isEmpty()));
		}
		finally {
			this.files.release(scans);
		}
		return "citizen/submit";
	}

	/**
	 * A paper issued for one of the signed-in applicant's own dossiers and meant for them
	 * (Forms 01–05, the result), to save; any other answers as no such dossier.
	 */
	@GetMapping("/cong-dan/ho-so/{code}/giay-to/{id}")
	org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> document(
			@PathVariable String code, @PathVariable long id, @AuthenticationPrincipal OidcUser citizen) {
		return DocumentPageController.pdf(this.issued.openForApplicant(idNumber(citizen), code, id), true);
	}

	/**
	 * What the dossier waits for from its signed-in applicant, and the form to send it.
	 */
	@GetMapping("/cong-dan/ho-so/{code}/bo-sung")
	String uploadForm(@PathVariable String code, @AuthenticationPrincipal OidcUser citizen, Model model,
			Locale locale) {
		model.addAttribute("upload", this.uploads.formFor(idNumber(citizen), code));
		return "citizen/upload";
	}

	/**
	 * The signed-in applicant uploads what they were asked to add; back to their
	 * dossiers, or the form again with the error beside its field and the note kept.
	 */
	@PostMapping("/cong-dan/ho-so/{code}/bo-sung")
	String upload(@PathVariable String code, @RequestParam(required = false) String note,
			@RequestParam Map<String, MultipartFile> files, @AuthenticationPrincipal OidcUser citizen, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		String id = idNumber(citizen);
		ApplicantUploads.UploadForm form = this.uploads.formFor(id, code);
		List<Scan> scans = List.of();
		try {
			scans = SubmissionForms.scans(this.files, form.components(), files, Map.of());
			this.uploads.uploadAsSignedIn(id, code, scans, note);
			redirect.addFlashAttribute("uploaded", code);
			return "redirect:/cong-dan";
		}
		catch (Problem ex) {
			if (ex.kind() == Problem.Kind.NOT_FOUND) {
				throw ex;
			}
			response.setStatus(ex.kind().status());
			// beside its field, and in the summary above the form
			model.addAttribute("uploadErrors",
					this.problems.errors(ex, locale, "upload", LookupPageController.uploadInputs(form), Map.of()));
			model.addAttribute("note", note);
			model.addAttribute("upload", form);
			return "citizen/upload";
		}
		finally {
			this.files.release(scans);
		}
	}

	private String idNumber(OidcUser citizen) {
		Object id = citizen.getClaims().get(this.idClaim);
		if (id == null) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NO_IDENTITY,
					"The sign-in did not give a personal identification number (claim '" + this.idClaim + "')",
					List.of(Problem.Violation.of(this.idClaim, "missing from the sign-in")));
		}
		return id.toString();
	}

	private static String name(OidcUser citizen) {
		return citizen.getFullName() != null ? citizen.getFullName() : citizen.getSubject();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
