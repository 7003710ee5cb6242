package vn.motcua.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.core.FeeInputs;
import vn.motcua.catalog.CatalogQuery;
import vn.motcua.catalog.ProcedureSummary;
import vn.motcua.document.CitizenStore;
import vn.motcua.document.Uploads;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.HistoryEntry;
import vn.motcua.dossier.IntakeOutcome;
import vn.motcua.dossier.IntakeSlip;
import vn.motcua.dossier.Scan;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The one-stop counter (ADR 18): find the procedure as you type, see its checklist, the
 * due time if accepted now and the fee, take the dossier in from the keyboard, and print
 * what the intake gives the applicant: the receipt (Form 01), the guidance slip (Form 02)
 * or the refusal slip (Form 03).
 */
@Controller
class CounterPageController {

	/** How many procedures the search shows; the officer types more to narrow. */
	static final int RESULTS = 8;

	/** The longest search the box takes: a procedure's name is shorter. */
	static final int QUERY_MAX = 200;

	/** The inputs of the intake form that an error may name. */
	private static final List<String> INPUTS = List.of("applicantName", "idNumber", "phone", "address", "channel",
			"refusalReason", "q", "copies", "pages", "applicantGroup");

	/** The domain's fields whose input is named otherwise. */
	private static final Map<String, String> FIELD_INPUTS = Map.of("applicant.name", "applicantName", "procedureCode",
			"q", "fee.copies", "copies", "fee.pages", "pages", "fee.applicantGroup", "applicantGroup");

	/** The channels a counter officer takes dossiers from: in person and by post. */
	private static final List<Channel> CHANNELS = List.of(Channel.COUNTER, Channel.POST);

	/** The words that open a unit's name ("Phường Quảng Cư" is at "Quảng Cư"). */
	private static final Pattern LEVEL = Pattern
		.compile("^(Phường|Xã|Thị trấn|Đặc khu|Quận|Huyện|Thị xã|Thành phố|Tỉnh)\\s+");

	/**
	 * The intake form as typed: the procedure, the applicant, the components ticked, and
	 * the officer's decision ({@code refuse} is sent by the refusal button), and what the
	 * fee is counted from where the procedure's fees need it (as typed: checked by the
	 * intake, so that a wrong number comes back beside its field as it was typed). A
	 * channel that is no channel is a binding error of the field {@code channel}.
	 */
	record IntakeForm(String procedure, Channel channel, String applicantName, String idNumber, String phone,
			String address, List<String> component, Boolean refuse, String refusalReason, String copies, String pages,
			String applicantGroup) {

		static IntakeForm empty(String procedure) {
			return new IntakeForm(procedure, Channel.COUNTER, "", "", "", "", List.of(), false, "", "", "", "");
		}

		/** What the fee is counted from, as the intake checks it. */
		FeeInputs fee() {
			return SubmissionForms.feeInputs(this.copies, this.pages, this.applicantGroup);
		}

		IntakeForm {
			component = component == null ? List.of() : component;
			refuse = refuse != null && refuse;
		}

		public boolean handedIn(String name) {
			return this.component.contains(name);
		}

	}

	private final DossierIntake intake;

	private final DossierQueries dossiers;

	private final Catalog catalog;

	private final Officers officers;

	private final Units units;

	private final ProblemMessages problems;

	private final MessageSource messages;

	private final Uploads uploads;

	private final CitizenStore stores;

	CounterPageController(DossierIntake intake, DossierQueries dossiers, Catalog catalog, Officers officers,
			Units units, ProblemMessages problems, MessageSource messages, Uploads uploads, CitizenStore stores) {
		this.messages = messages;
		this.uploads = uploads;
		this.stores = stores;
		this.intake = intake;
		this.dossiers = dossiers;
		this.catalog = catalog;
		this.officers = officers;
		this.units = units;
		this.problems = problems;
	}

	/**
	 * The counter's page: the search box, the procedures found for {@code q}, and the
	 * chosen procedure's intake form. htmx asks for the results ({@code HX-Target:
	 * procedure-results}) as the officer types, and for the form when a procedure is
	 * chosen ({@code intake-panel}); without JavaScript the same address serves the whole
	 * page. A search that finds exactly one procedure chooses it. {@code slip} fills the
	 * applicant in from an earlier guidance or refusal slip.
	 */
	@GetMapping("/can-bo/tiep-nhan")
	String page(@RequestParam(required = false) String q, @RequestParam(required = false) String procedure,
			@RequestParam(required = false) Long slip,
			@RequestHeader(name = "HX-Target", required = false) String target, Authentication user, Model model,
			Locale locale) {
		Actor actor = receiver(user);
		String text = q == null ? "" : q.strip();
		if (text.length() > QUERY_MAX) {
			text = text.substring(0, QUERY_MAX);
		}
		model.addAttribute("q", text);
		if ("intake-panel".equals(target)) {
			panel(actor, procedure, fromSlip(actor, procedure, slip), FormErrors.none(), model, locale);
			return "counter/intake :: panel";
		}
		Page<ProcedureSummary> results = text.isEmpty() ? null : search(actor, text);
		model.addAttribute("results", results);
		if ("procedure-results".equals(target)) {
			return "counter/intake :: results";
		}
		if ((procedure == null || procedure.isBlank()) && results != null && results.total() == 1) {
			procedure = results.items().get(0).code();
		}
		if (procedure != null && !procedure.isBlank()) {
			panel(actor, procedure, fromSlip(actor, procedure, slip), FormErrors.none(), model, locale);
		}
		return "counter/intake";
	}

	private Page<ProcedureSummary> search(Actor actor, String text) {
		return this.catalog.search(new CatalogQuery(actor.unitCode(), text, null, null, null, 0, RESULTS));
	}

	/** The form to fill: empty, or with the applicant of an earlier slip of the unit. */
	private IntakeForm fromSlip(Actor actor, String procedure, Long slip) {
		if (slip == null) {
			return IntakeForm.empty(procedure);
		}
		Applicant a = this.dossiers.slip(actor, slip).applicant();
		return new IntakeForm(procedure, Channel.COUNTER, a.name(), nz(a.idNumber()), nz(a.phone()), nz(a.address()),
				List.of(), false, "", "", "", "");
	}

	/** The chosen procedure's form: its checklist, due time if accepted now, and fee. */
	private void panel(Actor actor, String procedure, IntakeForm form, FormErrors errors, Model model, Locale locale) {
		if (procedure == null || procedure.isBlank()) {
			return;
		}
		DossierIntake.Quote quote = this.intake.quote(actor.unitCode(), procedure.strip());
		model.addAttribute("quote", quote);
		model.addAttribute("procedure", quote.procedure());
		model.addAttribute("fmt", new Formats.Bound(locale));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("channels", CHANNELS);
		// the data store of the applicant whose card the officer holds, to pick from
		model.addAttribute("store", this.stores.forCounter(actor, form == null ? null : form.idNumber()));
	}

	/**
	 * The applicant's details from their latest dossier at the unit, when the ID number
	 * is known (an htmx fragment): the page fills in the fields still empty, never what
	 * the officer typed meanwhile.
	 */
	@GetMapping("/can-bo/tiep-nhan/nguoi-nop")
	String applicant(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String procedure,
			Authentication user, Model model) {
		Actor actor = this.officers.actor(user);
		Optional<Applicant> known = actor.unitCode() == null ? Optional.empty()
				: this.dossiers.latestApplicant(actor, actor.unitCode(), idNumber == null ? null : idNumber.strip());
		model.addAttribute("known", known.orElse(null));
		if (procedure == null || procedure.isBlank() || actor.unitCode() == null) {
			return "counter/intake :: known";
		}
		// and, swapped out of band, the applicant's data store to pick components from
		model.addAttribute("procedure", this.intake.quote(actor.unitCode(), procedure.strip()).procedure());
		model.addAttribute("store", this.stores.forCounter(actor, idNumber));
		return "counter/known";
	}

	/**
	 * The intake: accepted, it goes to the receipt (Form 01); incomplete or refused, to
	 * its slip (Form 02 or 03); wrong, the form comes back with each error beside its
	 * field and everything typed (files excepted: browsers cannot keep them).
	 */
	@PostMapping("/can-bo/tiep-nhan")
	String intake(@ModelAttribute("form") IntakeForm form, BindingResult binding,
			@RequestParam Map<String, MultipartFile> files, @RequestParam Map<String, String> params,
			Authentication user, Model model, Locale locale, HttpServletResponse response) {
		Actor actor = receiver(user);
		DossierIntake.Quote quote = this.intake.quote(actor.unitCode(), nz(form.procedure()).strip());
		boolean withFiles = files.values().stream().anyMatch(f -> f != null && !f.isEmpty());
		FormErrors errors;
		if (binding.hasErrors()) {
			response.setStatus(Problem.Kind.INVALID.status());
			errors = this.problems.errors(binding, locale);
		}
		else {
			List<Scan> scans = List.of();
			try {
				// the files are received and checked by their bytes before anything is
				// saved; an accepted dossier is stored with its files or not at all
				scans = SubmissionForms.scans(this.uploads, quote.procedure(), files, params);
				List<SubmittedComponent> components = SubmissionForms.components(quote.procedure(), form.component(),
						scans);
				DossierIntake.IntakeResult result = this.intake.intake(actor,
						new DossierIntake.IntakeRequest(actor.unitCode(), quote.procedure().code(), form.channel(),
								new Applicant(form.applicantName(), blankToNull(form.idNumber()),
										blankToNull(form.phone()), null, blankToNull(form.address())),
								components, form.refuse(), form.refusalReason(), form.fee()),
						scans);
				if (result.outcome() == IntakeOutcome.ACCEPTED) {
					return "redirect:/can-bo/ho-so/" + result.dossier().code() + "/bien-nhan";
				}
				return "redirect:/can-bo/phieu/" + result.slipId();
			}
			catch (Problem ex) {
				if (ex.kind() == Problem.Kind.NOT_FOUND) {
					throw ex;
				}
				response.setStatus(ex.kind().status());
				List<String> inputs = new ArrayList<>(INPUTS);
				for (int i = 0; i < quote.procedure().content().components().size(); i++) {
					inputs.add("file-" + i);
				}
				errors = this.problems.errors(ex, locale, inputs, FIELD_INPUTS);
			}
			finally {
				this.uploads.release(scans);
			}
		}
		if (withFiles) {
			errors = errors.and(FormErrors.of(null, this.messages.getMessage("counter.files.again", null, locale)));
		}
		model.addAttribute("q", "");
		panel(actor, form.procedure(), form, errors, model, locale);
		model.addAttribute("picks", params);
		return "counter/intake";
	}

	/**
	 * The receipt and appointment slip (Form 01), to print for the applicant: with the
	 * receiving officer's name and how to look the dossier up.
	 */
	@GetMapping("/can-bo/ho-so/{code}/bien-nhan")
	String receipt(@PathVariable String code, Authentication user, Model model, Locale locale) {
		Actor actor = this.officers.actor(user);
		DossierView dossier = this.dossiers.get(actor, code);
		Unit unit = this.units.get("unit", dossier.unitCode());
		String receiver = this.dossiers.history(actor, code)
			.stream()
			.filter(h -> "RECEIVE".equals(h.action()))
			.map(HistoryEntry::actor)
			.findFirst()
			.orElse(null);
		model.addAttribute("d", dossier);
		document(model, unit, dossier.receivedAt(), receiver, locale);
		model.addAttribute("lookupUrl",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/tra-cuu").build().toUriString());
		return "counter/receipt";
	}

	/**
	 * A guidance slip (Form 02: what to add) or refusal slip (Form 03: why), to print for
	 * the applicant; for the officers of its unit.
	 */
	@GetMapping("/can-bo/phieu/{id}")
	String slip(@PathVariable long id, Authentication user, Model model, Locale locale) {
		IntakeSlip slip = this.dossiers.slip(this.officers.actor(user), id);
		model.addAttribute("slip", slip);
		document(model, this.units.get("unit", slip.unitCode()), slip.at(), slip.officer(), locale);
		return "counter/slip";
	}

	/**
	 * What every printed form opens and closes with: the issuing unit, the place and the
	 * day, and the officer's printed name.
	 */
	private void document(Model model, Unit unit, Instant at, String officer, Locale locale) {
		LocalDate day = LocalDate.ofInstant(at, WorkingCalendar.ZONE);
		model.addAttribute("unit", unit);
		model.addAttribute("place", LEVEL.matcher(unit.name()).replaceFirst(""));
		// in a sentence: "UBND phường Quảng Cư"
		model.addAttribute("unitInText", Character.toLowerCase(unit.name().charAt(0)) + unit.name().substring(1));
		model.addAttribute("day", day);
		model.addAttribute("officerName",
				officer == null ? null : this.officers.find(officer).map(Officer::fullName).orElse(null));
		model.addAttribute("fmt", new Formats.Bound(locale));
	}

	/** The signed-in officer, who must belong to a unit to receive dossiers there. */
	private Actor receiver(Authentication user) {
		Actor actor = this.officers.actor(user);
		if (actor.unitCode() == null) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED, "The administrator receives no dossiers",
					List.of(Problem.Violation.of("unit", "the administrator belongs to no unit")));
		}
		return actor;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
