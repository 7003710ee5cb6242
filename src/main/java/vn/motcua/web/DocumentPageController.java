package vn.motcua.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.document.Uploads;
import vn.motcua.dossier.Scan;
import vn.motcua.forms.IssuedDocuments;
import vn.motcua.forms.ResultDocuments;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The papers issued for dossiers, on the officers' pages (ADR 33): each shown inline to
 * print ("Xem / In") or downloaded, the receipt printed at the counter, the control slip
 * as it stands, the result's draft uploaded by the officer in charge, and a unit's
 * tracking register for a period. Every one checked against who may read the dossier.
 */
@Controller
class DocumentPageController {

	private final IssuedDocuments documents;

	private final ResultDocuments results;

	private final Officers officers;

	private final ProblemMessages problems;

	private final java.time.Clock clock;

	private final Uploads uploads;

	DocumentPageController(IssuedDocuments documents, Officers officers, ProblemMessages problems,
			java.time.Clock clock, Uploads uploads, ResultDocuments results) {
		this.results = results;
		this.uploads = uploads;
		this.clock = clock;
		this.documents = documents;
		this.officers = officers;
		this.problems = problems;
	}

	/** A document of the dossier, inline to show and print. */
	@GetMapping("/can-bo/ho-so/{code}/giay-to/{id}")
	ResponseEntity<InputStreamResource> show(@PathVariable String code, @PathVariable long id, Authentication user) {
		return pdf(this.documents.open(actor(user), code, id), false);
	}

	/** A document of the dossier, to save. */
	@GetMapping("/can-bo/ho-so/{code}/giay-to/{id}/tai-ve")
	ResponseEntity<InputStreamResource> download(@PathVariable String code, @PathVariable long id,
			Authentication user) {
		return pdf(this.documents.open(actor(user), code, id), true);
	}

	/** The receipt (Form 01) as PDF, to print for the applicant at the counter. */
	@GetMapping("/can-bo/ho-so/{code}/bien-nhan.pdf")
	ResponseEntity<InputStreamResource> receipt(@PathVariable String code, Authentication user) {
		return pdf(this.documents.receipt(actor(user), code), false);
	}

	/** The guidance (02) or refusal (03) slip of an intake as PDF. */
	@GetMapping("/can-bo/phieu/{id}/pdf")
	ResponseEntity<InputStreamResource> slip(@PathVariable long id, Authentication user) {
		return pdf(this.documents.slipForm(actor(user), id), false);
	}

	/** The control slip (Form 06) as the dossier stands now. */
	@GetMapping("/can-bo/ho-so/{code}/phieu-kiem-soat")
	ResponseEntity<byte[]> controlSlip(@PathVariable String code, Authentication user) {
		byte[] pdf = this.documents.controlSlipNow(actor(user), code);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename("PhieuKiemSoat-" + code + ".pdf", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(pdf);
	}

	/**
	 * The officer in charge uploads the result's draft (a PDF); back to the dossier, with
	 * the error beside the file field when it is refused.
	 */
	@PostMapping("/can-bo/ho-so/{code}/du-thao-ket-qua")
	String uploadResult(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
			Authentication user, Locale locale, RedirectAttributes redirect) {
		Scan scan = null;
		try {
			if (!SubmissionForms.chosen(file)) {
				throw Problem.invalid(ProblemCode.FILE_REQUIRED, "file", "no file was chosen");
			}
			// who may upload is checked before the file is read
			this.results.checkMayUploadResult(actor(user), code);
			scan = SubmissionForms.receive(this.uploads, "file", "Kết quả", file);
			this.results.uploadResult(actor(user), code, scan);
			redirect.addFlashAttribute("done", "du-thao-ket-qua");
		}
		catch (Problem ex) {
			if (ex.kind() == Problem.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("resultError", this.problems.message(ex, locale));
		}
		finally {
			if (scan != null) {
				this.uploads.release(List.of(scan));
			}
		}
		return "redirect:/can-bo/ho-so/" + code + "#issued";
	}

	/** The page to choose a period of the unit's tracking register (Form 07). */
	@GetMapping("/can-bo/so-theo-doi")
	String registerForm(Authentication user, Model model) {
		Actor actor = actor(user);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE);
		model.addAttribute("unit", actor.unitCode());
		model.addAttribute("from", today.withDayOfMonth(1).toString());
		model.addAttribute("to", today.toString());
		model.addAttribute("errors", FormErrors.none());
		return "workspace/register";
	}

	/**
	 * The unit's tracking register for the period, as PDF; a wrong period brings the page
	 * back with the error beside its field and the days typed kept.
	 */
	@GetMapping("/can-bo/so-theo-doi.pdf")
	Object register(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Authentication user, Model model, Locale locale, HttpServletResponse response) {
		Actor actor = actor(user);
		try {
			if (actor.unitCode() == null) {
				throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
						"The administrator belongs to no unit: the API gives any unit's register",
						List.of(Problem.Violation.of("from", "no unit")));
			}
			LocalDate start = day("from", from);
			LocalDate end = day("to", to);
			byte[] pdf = this.documents.register(actor, actor.unitCode(), start, end);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("SoTheoDoi-" + actor.unitCode() + "-" + start + "-" + end + ".pdf",
									StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(pdf);
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			model.addAttribute("unit", actor.unitCode());
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			model.addAttribute("errors", this.problems.errors(ex, locale, List.of("from", "to"), Map.of()));
			return "workspace/register";
		}
	}

	private static LocalDate day(String field, String text) {
		if (text == null || text.isBlank()) {
			throw Problem.invalid(ProblemCode.MISSING_PARAMETER, field, "a day is required");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, field, "'" + text + "' is not a day");
		}
	}

	static ResponseEntity<InputStreamResource> pdf(IssuedDocuments.Content content, boolean attachment) {
		ContentDisposition.Builder disposition = attachment ? ContentDisposition.attachment()
				: ContentDisposition.inline();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.contentLength(content.document().sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					disposition.filename(content.document().filename(), StandardCharsets.UTF_8).build().toString())
			.body(new InputStreamResource(content.stream()));
	}

	private Actor actor(Authentication user) {
		return this.officers.actor(user);
	}

}
