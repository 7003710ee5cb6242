package vn.motcua.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.catalog.core.FeeInputs;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.DossierActions;
import vn.motcua.forms.ResultApproval;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.HistoryEntry;
import vn.motcua.dossier.IntakeOutcome;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.org.Officers;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Dossiers of the one-stop shop: intake, the check of online submissions, the actions of
 * processing, look-ups, lists and history.
 */
@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "Dossiers", description = "Intake, processing, supplement, apology, results and timeliness (officers)")
class DossierApiController {

	record ApplicantRequest(@NotBlank @Size(max = 200) String name, @Size(max = 20) String idNumber,
			@Size(max = 20) String phone, @Size(max = 120) String email, @Size(max = 300) String address) {
	}

	record ComponentRequest(@NotBlank @Size(max = 500) String name, Integer originals, Integer copies) {
	}

	/**
	 * A component handed in as a file of the applicant's data store ({@code fileId}, from
	 * {@code GET /api/v1/citizens/{idNumber}/store}), reused without a new copy.
	 */
	record ReuseRequest(@NotBlank @Size(max = 500) String component, @NotNull Long fileId) {
	}

	/**
	 * An intake; {@code refuse} with a reason records a refusal slip instead (Form 03).
	 * {@code reuse}: files of the applicant's data store (their ID number seen on their
	 * card) kept for components, without a new copy; each component is also named in
	 * {@code components}, as handed in. {@code fee}: what the fee is counted from, where
	 * the procedure's fees need it.
	 */
	record IntakeRequest(@NotBlank String unit, @NotBlank String procedureCode, @NotNull Channel channel,
			@NotNull @Valid ApplicantRequest applicant, List<@Valid ComponentRequest> components, Boolean refuse,
			@Size(max = 2000) String refusalReason, @Size(max = 100) List<@Valid ReuseRequest> reuse,
			@Valid FeeRequest fee) {
	}

	/**
	 * What the fee is counted from: copies (fees per copy) and pages (fees per page), 1
	 * to 1000, 1 when left out; the exempted group the applicant belongs to, one the
	 * procedure's fees name (GET /api/v1/procedures/{code}: fees[].exemptGroups). Checked
	 * against the procedure by the intake: a wrong one is a 400 FEE_INPUT_INVALID naming
	 * fee.copies, fee.pages or fee.applicantGroup, and nothing is kept.
	 */
	record FeeRequest(Integer copies, Integer pages, @Size(max = 200) String applicantGroup) {

		FeeInputs inputs() {
			return new FeeInputs(this.copies == null ? 1 : this.copies, this.pages == null ? 1 : this.pages,
					this.applicantGroup);
		}

	}

	record IntakeResponse(IntakeOutcome outcome, DossierView dossier, List<String> missing, String reason) {
	}

	/**
	 * The parts of an action; each action reads what it needs. {@code version}: act only
	 * on that version.
	 */
	record ActionRequest(String assignee, @Size(max = 2000) String note, @Size(max = 2000) String reason,
			Instant newDueAt, @Size(max = 300) String resultRef, ReturnChannel channel, Integer version,
			@Schema(description = "With approve: true signs the latest draft of the result with the approver's key"
					+ " (PAdES) in the same action (400 RESULT_DRAFT_MISSING without one), false does not;"
					+ " absent: signs when a draft waits to be signed") Boolean signResult) {
	}

	/**
	 * An action the signed-in officer may take now; for assign and forward, who may be
	 * given the step.
	 */
	record AllowedActionResponse(String action, List<AssigneeResponse> assignees) {
	}

	record AssigneeResponse(String username, String fullName) {
	}

	private final DossierIntake intake;

	private final DossierActions actions;

	private final DossierQueries queries;

	private final Officers officers;

	private final ResultApproval approval;

	DossierApiController(DossierIntake intake, DossierActions actions, DossierQueries queries, Officers officers,
			ResultApproval approval) {
		this.approval = approval;
		this.intake = intake;
		this.actions = actions;
		this.queries = queries;
		this.officers = officers;
	}

	@PostMapping
	@Operation(summary = "Intake at the counter: accepted (201, code and due time), guidance or refusal (200)")
	ResponseEntity<IntakeResponse> intake(@Valid @RequestBody IntakeRequest request, Authentication user) {
		ApplicantRequest a = request.applicant();
		List<ReuseRequest> reuse = request.reuse() == null ? List.of() : request.reuse();
		List<vn.motcua.dossier.Scan> picks = new java.util.ArrayList<>();
		for (int i = 0; i < reuse.size(); i++) {
			picks.add(vn.motcua.dossier.Scan.reuse("reuse[" + i + "].fileId", reuse.get(i).component(),
					reuse.get(i).fileId()));
		}
		List<SubmittedComponent> components = request.components() == null ? List.of()
				: request.components()
					.stream()
					.map(c -> new SubmittedComponent(c.name(), c.originals() == null ? 0 : c.originals(),
							c.copies() == null ? 0 : c.copies()))
					.toList();
		DossierIntake.IntakeResult result = this.intake.intake(this.officers.actor(user),
				new DossierIntake.IntakeRequest(request.unit(), request.procedureCode(), request.channel(),
						new Applicant(a.name(), a.idNumber(), a.phone(), a.email(), a.address()), components,
						Boolean.TRUE.equals(request.refuse()), request.refusalReason(),
						request.fee() == null ? null : request.fee().inputs()),
				picks);
		IntakeResponse body = new IntakeResponse(result.outcome(), result.dossier(), result.missing(), result.reason());
		if (result.outcome() == IntakeOutcome.ACCEPTED) {
			return ResponseEntity.created(URI.create("/api/v1/dossiers/" + result.dossier().code())).body(body);
		}
		return ResponseEntity.ok(body);
	}

	@GetMapping("/{code}")
	@Operation(summary = "A dossier, with its steps and whether it is overdue")
	DossierView get(@PathVariable String code, Authentication user) {
		return this.queries.get(this.officers.actor(user), code);
	}

	@GetMapping
	@Operation(summary = "A unit's dossiers, most urgent first: found by a part of the code, the applicant's name,"
			+ " ID number or phone; by status, procedure, overdue, due within a working day, assignee, receipt period",
			description = "Overdue dossiers come first (the longest overdue first), then the open ones by due time,"
					+ " then the closed ones, newest first. Each item has its assignee's full name and, when overdue,"
					+ " how many working days it is overdue by.")
	Page<DossierSummary> list(@RequestParam String unit,
			@Parameter(description = "words that must each be found in the dossier code, the applicant's name"
					+ " (any case, with or without accents), ID number or phone; a number typed with spaces, dots"
					+ " or dashes is one word, +84 read as 0; at most 200 characters") @RequestParam(
							required = false) String q,
			@RequestParam(required = false) DossierStatus status,
			@Parameter(description = "the national procedure code, e.g. 1.001193") @RequestParam(
					required = false) String procedure,
			@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "false") boolean dueSoon,
			@RequestParam(required = false) String assignee,
			@Parameter(description = "received at or after, ISO-8601 instant") @RequestParam(
					required = false) Instant from,
			@Parameter(description = "received before, ISO-8601 instant") @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			Authentication user) {
		return this.queries.search(this.officers.actor(user),
				new DossierQueries.Query(unit, status, overdue, dueSoon, assignee, from, to, q, procedure, page, size));
	}

	@PostMapping("/{code}/actions/{action}")
	@Operation(summary = "Act on a dossier: the check of an online submission (accept, ask-for-more with the note"
			+ " saying what to add, additions-received, refuse-online with a reason), then assign, forward, send-back,"
			+ " request-supplement, supplement-received, approve, refuse, apologize, stop, withdraw, record-result,"
			+ " return-result (refused with FEE_UNPAID while the fee is unpaid); payment-confirmed is the payment"
			+ " module's, never an officer's")
	DossierView act(@PathVariable String code, @PathVariable String action,
			@Valid @RequestBody(required = false) ActionRequest request, Authentication user) {
		DossierAction what = DossierAction.fromPath(action)
			.orElseThrow(
					() -> Problem.invalid(ProblemCode.INVALID_PARAMETER, "action", "'" + action + "' is not one of "
							+ java.util.Arrays.stream(DossierAction.values()).map(DossierAction::path).toList()));
		ActionRequest r = request != null ? request : new ActionRequest(null, null, null, null, null, null, null, null);
		DossierActions.ActionRequest taken = new DossierActions.ActionRequest(r.assignee(), r.note(), r.reason(),
				r.newDueAt(), r.resultRef(), r.channel(), r.version());
		if (what == DossierAction.APPROVE) {
			return this.approval.approve(this.officers.actor(user), code, taken, r.signResult());
		}
		return this.actions.act(this.officers.actor(user), code, what, taken);
	}

	@GetMapping("/{code}/actions")
	@Operation(summary = "The actions the signed-in officer may take on the dossier now, and for assign and forward"
			+ " the officers who may take the step; empty for who may only read it")
	List<AllowedActionResponse> allowedActions(@PathVariable String code, Authentication user) {
		return this.actions.allowed(this.officers.actor(user), code)
			.stream()
			.map(a -> new AllowedActionResponse(a.action().path(),
					a.assignees().stream().map(o -> new AssigneeResponse(o.username(), o.fullName())).toList()))
			.toList();
	}

	@GetMapping("/{code}/history")
	@Operation(summary = "Everything that happened to a dossier, oldest first: who (username and full name), when,"
			+ " the action, the statuses, the facts it recorded (assignee, step, due times, channels…) and the"
			+ " officer's note")
	List<HistoryEntry> history(@PathVariable String code, Authentication user) {
		return this.queries.history(this.officers.actor(user), code);
	}

}
