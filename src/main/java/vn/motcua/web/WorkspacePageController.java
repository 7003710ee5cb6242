package vn.motcua.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.document.Documents;
import vn.motcua.document.DossierDocuments;
import vn.motcua.document.StoredFile;
import vn.motcua.document.Uploads;
import vn.motcua.dossier.Scan;
import vn.motcua.forms.FormKind;
import vn.motcua.forms.IssuedDocument;
import vn.motcua.forms.IssuedDocuments;
import vn.motcua.forms.ResultApproval;
import vn.motcua.forms.ResultDocuments;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.DossierNotFound;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.HistoryEntry;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The officers' workspace: sign-in, a dossier's page with its steps, its timeline and the
 * actions its status allows, and the counter's intake. Every action goes through the same
 * domain checks as the API. The queues and the search are {@link QueuePageController}'s.
 */
@Controller
class WorkspacePageController {

	private final DossierActions actions;

	private final DossierQueries dossiers;

	private final Officers officers;

	private final Units units;

	private final Documents documents;

	private final MessageSource messages;

	private final ProblemMessages problems;

	private final ObjectProvider<ClientRegistrationRepository> citizenSignIn;

	private final IssuedDocuments issued;

	private final ResultApproval approval;

	private final DossierDocuments digitizing;

	private final Uploads uploads;

	WorkspacePageController(DossierActions actions, DossierQueries dossiers, Officers officers, Units units,
			Documents documents, MessageSource messages, ObjectProvider<ClientRegistrationRepository> citizenSignIn,
			ProblemMessages problems, IssuedDocuments issued, ResultApproval approval, DossierDocuments digitizing,
			Uploads uploads) {
		this.issued = issued;
		this.approval = approval;
		this.digitizing = digitizing;
		this.uploads = uploads;
		this.problems = problems;
		this.actions = actions;
		this.messages = messages;
		this.citizenSignIn = citizenSignIn;
		this.dossiers = dossiers;
		this.officers = officers;
		this.units = units;
		this.documents = documents;
	}

	@GetMapping("/dang-nhap")
	String signIn(Model model, jakarta.servlet.http.HttpSession session) {
		model.addAttribute("citizenSignIn", this.citizenSignIn.getIfAvailable() != null);
		if (session != null && session.getAttribute(SecurityConfiguration.LAST_USERNAME) instanceof String username) {
			model.addAttribute("username", username);
			session.removeAttribute(SecurityConfiguration.LAST_USERNAME);
		}
		return "workspace/sign-in";
	}

	@GetMapping("/can-bo/ho-so/{code}")
	String dossier(@PathVariable String code, Authentication user, Model model, Locale locale) {
		return dossierPage(actor(user), this.dossiers.get(actor(user), code), model, locale);
	}

	/**
	 * The actions that move a dossier on, the most usual first: the first one this
	 * officer may take is the page's primary action.
	 */
	static final List<DossierAction> FORWARD_ORDER = List.of(DossierAction.ACCEPT, DossierAction.APPROVE,
			DossierAction.RETURN_RESULT, DossierAction.RECORD_RESULT, DossierAction.SUPPLEMENT_RECEIVED,
			DossierAction.ADDITIONS_RECEIVED, DossierAction.FORWARD, DossierAction.ASSIGN);

	/** The actions that end a dossier or turn it away, set apart from the others. */
	static final List<DossierAction> DESTRUCTIVE = List.of(DossierAction.REFUSE, DossierAction.REFUSE_ONLINE,
			DossierAction.STOP, DossierAction.WITHDRAW);

	private String dossierPage(Actor actor, DossierView dossier, Model model, Locale locale) {
		model.addAttribute("d", dossier);
		List<HistoryEntry> history = this.dossiers.history(actor, dossier.code());
		model.addAttribute("history", history);
		// only what the domain allows this officer now (a supervisor reads, and acts on
		// nothing); for assign and forward, who may take the step
		Map<DossierAction, List<Officer>> allowed = new LinkedHashMap<>();
		this.actions.allowed(actor, dossier.code()).forEach(a -> allowed.put(a.action(), a.assignees()));
		DossierAction primary = FORWARD_ORDER.stream().filter(allowed::containsKey).findFirst().orElse(null);
		model.addAttribute("primary", primary == null ? null : primary.path());
		model.addAttribute("secondary",
				allowed.keySet()
					.stream()
					.filter(a -> a != primary && !DESTRUCTIVE.contains(a))
					.map(DossierAction::path)
					.toList());
		model.addAttribute("destructive",
				allowed.keySet().stream().filter(DESTRUCTIVE::contains).map(DossierAction::path).toList());
		Map<String, List<Officer>> assignees = new LinkedHashMap<>();
		allowed.forEach((a, officers) -> assignees.put(a.path(), officers));
		model.addAttribute("assignees", assignees);
		model.addAttribute("returnChannels", ReturnChannel.values());
		model.addAttribute("fmt", new Formats.Bound(locale));
		model.addAttribute("files", this.documents.ofDossier(dossier.code()));
		List<IssuedDocument> issuedDocuments = this.issued.ofDossier(actor, dossier.code());
		model.addAttribute("issued", issuedDocuments);
		model.addAttribute("resultUpload", ResultDocuments.mayUploadResult(actor, dossier));
		model.addAttribute("resultDraft", issuedDocuments.stream().anyMatch(i -> i.kind() == FormKind.RESULT));
		// the officers of its unit scan what was handed in on paper after intake
		model.addAttribute("mayDigitize",
				actor.unitCode() != null && actor.worksAt(dossier.unitCode()) && !dossier.components().isEmpty());
		// what the specialist proposed, for the leader who decides
		model.addAttribute("proposal",
				dossier.status() == DossierStatus.AWAITING_APPROVAL ? history.stream()
					.filter(h -> h.to() == DossierStatus.AWAITING_APPROVAL && h.note() != null && !h.note().isBlank())
					.reduce((first, second) -> second)
					.orElse(null) : null);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ActionForm.EMPTY);
		}
		return "workspace/dossier";
	}

	/** What was typed into an action's box, kept when the action fails. */
	record ActionForm(String action, String assignee, String note, String reason, String newDueAt, String resultRef,
			ReturnChannel channel, boolean signResult) {

		static final ActionForm EMPTY = new ActionForm(null, null, null, null, null, null, null, true);

		/** The value typed into a field of this action's form, or null for another's. */
		public String value(String ofAction, String field) {
			if (!ofAction.equals(this.action)) {
				return null;
			}
			return switch (field) {
				case "assignee" -> this.assignee;
				case "note" -> this.note;
				case "reason" -> this.reason;
				case "newDueAt" -> this.newDueAt;
				case "resultRef" -> this.resultRef;
				case "channel" -> this.channel == null ? null : this.channel.name();
				default -> null;
			};
		}

	}

	/** A file of a dossier, for who may see the dossier. */
	@GetMapping("/can-bo/ho-so/{code}/tep/{id}")
	ResponseEntity<InputStreamResource> file(@PathVariable String code, @PathVariable long id, Authentication user) {
		this.dossiers.readFile(actor(user), code, id);
		StoredFile file = this.documents.ofDossier(code)
			.stream()
			.filter(f -> f.id() == id)
			.findFirst()
			.orElseThrow(() -> DossierNotFound.forCode(code));
		// streamed from the file store, never held whole in memory
		InputStream content = this.documents.open(file).orElseThrow(() -> DossierNotFound.forCode(code));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(content));
	}

	/**
	 * Digitizes one of the dossier's components after intake (a paper scanned later): the
	 * file streamed, checked by its bytes and kept with its record; back to the dossier,
	 * or the page again with the error beside its field and the component kept.
	 */
	@PostMapping("/can-bo/ho-so/{code}/so-hoa")
	String digitize(@PathVariable String code, @RequestParam(required = false) String component,
			@RequestParam(name = "file", required = false) MultipartFile file, Authentication user, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		Actor actor = actor(user);
		Scan scan = null;
		try {
			if (!SubmissionForms.chosen(file)) {
				throw Problem.invalid(ProblemCode.FILE_REQUIRED, "digitize-file", "choose a file");
			}
			scan = SubmissionForms.receive(this.uploads, "digitize-file", component, file);
			this.digitizing.digitize(actor, code, scan);
		}
		catch (Problem ex) {
			if (ex.kind() == Problem.Kind.NOT_FOUND) {
				throw ex;
			}
			response.setStatus(ex.kind().status());
			model.addAttribute("digitizeComponent", component);
			model.addAttribute("digitizeErrors", this.problems.errors(ex, locale,
					List.of("digitize-component", "digitize-file"), Map.of("component", "digitize-component")));
			return dossierPage(actor, this.dossiers.get(actor, code), model, locale);
		}
		finally {
			if (scan != null) {
				this.uploads.release(List.of(scan));
			}
		}
		redirect.addFlashAttribute("digitized", true);
		return "redirect:/can-bo/ho-so/" + code;
	}

	@PostMapping("/can-bo/ho-so/{code}/{action}")
	String act(@PathVariable String code, @PathVariable String action, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String note, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String newDueAt, @RequestParam(required = false) String resultRef,
			@RequestParam(required = false) ReturnChannel channel, @RequestParam(required = false) Integer version,
			@RequestParam(defaultValue = "false") boolean signResult, Authentication user, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		Actor actor = actor(user);
		DossierAction what = DossierAction.fromPath(action)
			.orElseThrow(() -> Problem.notFound(ProblemCode.NOT_FOUND, "action", "no action '" + action + "'"));
		try {
			DossierActions.ActionRequest request = new DossierActions.ActionRequest(blankToNull(assignee), note, reason,
					localInstant(newDueAt), resultRef, channel, version);
			if (what == DossierAction.APPROVE && signResult) {
				this.approval.approveAndSign(actor, code, request);
			}
			else {
				this.actions.act(actor, code, what, request);
			}
		}
		catch (Problem ex) {
			if (ex.kind() == Problem.Kind.NOT_FOUND) {
				throw ex;
			}
			// the page again, with what was typed and the error beside its field
			response.setStatus(ex.kind().status());
			model.addAttribute("form",
					new ActionForm(action, assignee, note, reason, newDueAt, resultRef, channel, signResult));
			model.addAttribute("failed", action);
			model.addAttribute("errors", this.problems.errors(ex, locale,
					List.of("assignee-" + action, "reason-" + action, "note-" + action, "newDueAt", "resultRef",
							"channel", ResultApproval.FIELD),
					Map.of("assignee", "assignee-" + action, "reason", "reason-" + action, "note", "note-" + action)));
			return dossierPage(actor, this.dossiers.get(actor, code), model, locale);
		}
		redirect.addFlashAttribute("done", action);
		return "redirect:/can-bo/ho-so/" + code;
	}

	/** A new due time typed in Vietnam's local time ("2025-03-10T16:00"). */
	private static Instant localInstant(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text).toInstant(WorkingCalendar.ZONE);
		}
		catch (DateTimeParseException ex) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "newDueAt", "'" + text + "' is not a date and time");
		}
	}

	private Actor actor(Authentication user) {
		return this.officers.actor(user);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
