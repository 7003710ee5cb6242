package vn.motcua.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.document.Uploads;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.Scan;
import vn.motcua.dossier.OnlineSubmissions;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.notification.Notifications;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.Budget;
import vn.motcua.shared.RateLimited;
import vn.motcua.shared.RateLimits;

/**
 * Online submission without signing in: the form, then the code sent to the applicant's
 * e-mail address. Submissions and codes typed are limited per client address, each on a
 * budget of its own (ADR 17). In the demo, the outbox of messages is shown at
 * {@code /hop-thu-demo}, since no mail server is set up.
 */
@Controller
class PortalPageController {

	private final OnlineSubmissions submissions;

	private final Catalog catalog;

	private final Units units;

	private final Notifications notifications;

	private final RateLimits limits;

	private final MessageSource messages;

	private final ProblemMessages problems;

	private final boolean demo;

	private final Uploads uploads;

	PortalPageController(OnlineSubmissions submissions, Catalog catalog, Units units, Notifications notifications,
			RateLimits limits, MessageSource messages, ProblemMessages problems, Uploads uploads,
			@Value("${motcua.demo.enabled:false}") boolean demo) {
		this.uploads = uploads;
		this.submissions = submissions;
		this.catalog = catalog;
		this.units = units;
		this.notifications = notifications;
		this.limits = limits;
		this.messages = messages;
		this.demo = demo;
		this.problems = problems;
	}

	@GetMapping("/nop-truc-tuyen")
	String form(@RequestParam(required = false) String unit, @RequestParam(required = false) String procedure,
			Model model) {
		SubmissionForms.chooser(model, this.units, this.catalog, unit, procedure);
		model.addAttribute("demo", this.demo);
		return "portal/submit";
	}

	@PostMapping("/nop-truc-tuyen")
	String submit(@RequestParam String unit, @RequestParam String procedure,
			@RequestParam(required = false) String name, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String email,
			@RequestParam(required = false) String address, @RequestParam(required = false) String copies,
			@RequestParam(required = false) String pages, @RequestParam(required = false) String applicantGroup,
			@RequestParam(name = "component", required = false) List<String> attached,
			@RequestParam Map<String, MultipartFile> files, HttpServletRequest request, HttpServletResponse response,
			Model model, Locale locale) {
		Procedure p = this.catalog.get(unit, procedure, null);
		model.addAttribute("unit", unit);
		model.addAttribute("procedure", p);
		model.addAttribute("form",
				Map.of("name", nz(name), "idNumber", nz(idNumber), "phone", nz(phone), "email", nz(email), "address",
						nz(address), "copies", nz(copies), "pages", nz(pages), "applicantGroup", nz(applicantGroup)));
		model.addAttribute("attached", attached == null ? List.of() : attached);
		model.addAttribute("demo", this.demo);
		try {
			this.limits.acquire(Budget.SUBMISSION, request.getRemoteAddr());
		}
		catch (RateLimited ex) {
			RateLimitPages.refuse(ex, response, model, this.messages, locale);
			return "portal/submit";
		}
		List<Scan> scans = List.of();
		try {
			// no picks from a data store here: no sign-in vouches for the ID number
			scans = SubmissionForms.scans(this.uploads, p, files, Map.of());
			List<SubmittedComponent> components = SubmissionForms.components(p, attached, scans);
			OnlineSubmissions.Started started = this.submissions.start(email,
					new DossierIntake.IntakeRequest(unit, procedure, null,
							new Applicant(nz(name).strip(), nz(idNumber).strip(), blankToNull(phone), null,
									blankToNull(address)),
							components, false, null, SubmissionForms.feeInputs(copies, pages, applicantGroup)),
					scans);
			if (started.pendingId() == null) {
				model.addAttribute("missing", started.missing());
				return "portal/submit";
			}
			model.addAttribute("pendingId", started.pendingId());
			model.addAttribute("email", email.strip());
			return "portal/verify";
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			List<String> inputs = new java.util.ArrayList<>(
					List.of("name", "idNumber", "email", "phone", "address", "copies", "pages", "applicantGroup"));
			for (int i = 0; i < p.content().components().size(); i++) {
				inputs.add("file-" + i);
			}
			model.addAttribute("errors", this.problems.errors(ex, locale, inputs, Map.of("applicant.name", "name",
					"fee.copies", "copies", "fee.pages", "pages", "fee.applicantGroup", "applicantGroup")));
			model.addAttribute("filesLost", files.values().stream().anyMatch(f -> !f.isEmpty()));
			return "portal/submit";
		}
		finally {
			this.uploads.release(scans);
		}
	}

	@PostMapping("/nop-truc-tuyen/xac-minh")
	String verify(@RequestParam String pendingId, @RequestParam(required = false) String code,
			@RequestParam(required = false) String email, HttpServletRequest request, HttpServletResponse response,
			Model model, Locale locale) {
		model.addAttribute("pendingId", pendingId);
		model.addAttribute("email", email);
		try {
			this.limits.acquire(Budget.CODE_ENTRY, request.getRemoteAddr());
		}
		catch (RateLimited ex) {
			RateLimitPages.refuse(ex, response, model, this.messages, locale);
			return "portal/verify";
		}
		try {
			DossierIntake.IntakeResult result = this.submissions.confirm(pendingId, code);
			model.addAttribute("result", result);
			model.addAttribute("fmt", new Formats.Bound(locale));
			return "portal/done";
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			model.addAttribute("errors", this.problems.errors(ex, locale, List.of("code"), Map.of()));
			return "portal/verify";
		}
	}

	/**
	 * The demo's outbox: the messages the system would have e-mailed, since the demo has
	 * no mail server.
	 */
	@GetMapping("/hop-thu-demo")
	String outbox(Model model, Locale locale) {
		if (!this.demo) {
			throw Problem.notFound(ProblemCode.NOT_FOUND, "page", "No such page");
		}
		model.addAttribute("messages", this.notifications.latest(50));
		model.addAttribute("fmt", new Formats.Bound(locale));
		return "portal/outbox";
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
