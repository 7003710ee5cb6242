package vn.motcua.forms;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.document.FileStore;
import vn.motcua.dossier.DossierNotFound;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.IntakeOutcome;
import vn.motcua.dossier.IntakeSlip;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.forms.FormSets.Form;
import vn.motcua.forms.FormSets.FormSet;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Officers;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.shared.Database;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

import static vn.motcua.shared.Sql.utc;

/**
 * The papers the one-stop shop issues (ADR 33): each standard form made as PDF when its
 * event happens ({@link FormEvents}), of the form set in force on the dossier's receipt
 * day, and kept with the dossier; the result document the officer in charge uploads; and
 * who may see them: the officers who may read the dossier, and its applicant the papers
 * meant for them. Every document goes through {@link #keep}: signed there
 * ({@link DocumentSigner}), then stored by its hash in the file store and recorded once
 * under the key of the event that made it, so that an event delivered twice keeps one
 * document.
 */
@Service
public class IssuedDocuments {

	private static final Logger log = LoggerFactory.getLogger(IssuedDocuments.class);

	/** The longest period a register covers. */
	static final int REGISTER_MAX_DAYS = 366;

	/** The most dossiers a register lists; a longer one asks for a shorter period. */
	static final int REGISTER_MAX_ROWS = 10_000;

	private static final String COLUMNS = "id, dossier_code, slip_id, unit_code, kind, form_set, form_number, number,"
			+ " filename, sha256, size_bytes, issued_at, issued_by, for_citizen, signed_by, signature_level";

	private final JdbcClient jdbc;

	private final Database database;

	private final FileStore store;

	private final DossierQueries dossiers;

	private final Units units;

	private final Officers officers;

	private final ObjectProvider<DocumentSigner> signer;

	private final Clock clock;

	private final FormSets sets = FormSets.bundled();

	private final String baseUrl;

	IssuedDocuments(JdbcClient jdbc, Database database, FileStore store, DossierQueries dossiers, Units units,
			Officers officers, ObjectProvider<DocumentSigner> signer, Clock clock,
			@Value("${motcua.web.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.database = database;
		this.store = store;
		this.dossiers = dossiers;
		this.units = units;
		this.officers = officers;
		this.signer = signer;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The public look-up of a dossier, as the receipt's QR code holds it. */
	public String lookupUrl(String code) {
		return this.baseUrl + "/tra-cuu?code=" + code;
	}

	public FormSets formSets() {
		return this.sets;
	}

	// ------------------------------------------------------------------ issuing, at
	// events

	/** Form 01, at receipt. */
	@Transactional
	public Optional<IssuedDocument> issueReceipt(String code) {
		return issue("RECEIPT:" + code, code, d -> {
			if (d.receivedAt() == null) {
				// an online submission not yet accepted has no receipt
				return null;
			}
			Form form = form(d.receivedAt(), FormKind.RECEIPT);
			String receiver = d.steps().isEmpty() ? null
					: name(d.steps().get(0).completedByName(), d.steps().get(0).completedBy());
			return new Made(form, d.code(), null,
					FormPdfs.receipt(form, issuer(d.unitCode()), d, d.code(), receiver, lookupUrl(d.code())),
					d.receivedAt());
		});
	}

	/** Form 02, at the dossier's supplement request (the law allows one; numbered). */
	@Transactional
	public Optional<IssuedDocument> issueSupplementRequest(String code, int number, String request, Instant at) {
		return issue(FormKind.SUPPLEMENT_REQUEST + ":" + code + ":" + number, code, d -> {
			Form form = form(d.receivedAt(), FormKind.SUPPLEMENT_REQUEST);
			String officer = d.currentAssignee() == null ? null : fullName(d.currentAssignee());
			return new Made(form, d.code() + "/" + form.suffix() + "-" + number, d.currentAssignee(),
					FormPdfs.supplementRequest(form, issuer(d.unitCode()), FormPdfs.Subject.of(d), lines(request),
							d.code() + "/" + form.suffix() + "-" + number, at, officer),
					at);
		});
	}

	/**
	 * Form 02 as the guidance of the one-stop officer's check of an online submission:
	 * what to add before it can be received.
	 */
	@Transactional
	public Optional<IssuedDocument> issueGuidance(String code, String whatToAdd, Instant at) {
		return issue("GUIDANCE:" + code + ":" + at.toEpochMilli(), code, d -> {
			Form form = form(at, FormKind.SUPPLEMENT_REQUEST);
			String number = d.code() + "/HD-" + at.toEpochMilli() % 100_000;
			return new Made(form, number, null, FormPdfs.supplementRequest(form, issuer(d.unitCode()),
					FormPdfs.Subject.of(d), lines(whatToAdd), number, at, null), at);
		});
	}

	/** Form 03, when the check refuses an online submission. */
	@Transactional
	public Optional<IssuedDocument> issueOnlineRefusal(String code, String reasons, Instant at) {
		return issue("REFUSAL:" + code, code, d -> {
			Form form = form(at, FormKind.REFUSAL);
			String number = d.code() + "/" + form.suffix();
			return new Made(form, number, null,
					FormPdfs.refusal(form, issuer(d.unitCode()), FormPdfs.Subject.of(d), reasons, number, at, null),
					at);
		});
	}

	/**
	 * Form 02 (guidance) or 03 (refusal) of an intake at the counter that became no
	 * dossier.
	 */
	@Transactional
	public Optional<IssuedDocument> issueSlip(long slipId) {
		String key = "SLIP:" + slipId;
		Optional<IssuedDocument> done = byKey(key);
		if (done.isPresent()) {
			return done;
		}
		Optional<IntakeSlip> found = this.dossiers.slipAsIssued(slipId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		IntakeSlip slip = found.get();
		boolean guidance = slip.outcome() == IntakeOutcome.GUIDANCE;
		Form form = form(slip.at(), guidance ? FormKind.SUPPLEMENT_REQUEST : FormKind.REFUSAL);
		String number = "P" + slip.id() + "/" + form.suffix();
		FormPdfs.Subject subject = new FormPdfs.Subject(slip.applicant().name(), slip.applicant().idNumber(),
				slip.applicant().address(), slip.applicant().phone(), slip.procedureName(), null);
		String officer = fullName(slip.officer());
		byte[] pdf = guidance
				? FormPdfs.supplementRequest(form, issuer(slip.unitCode()), subject, slip.missing(), number, slip.at(),
						officer)
				: FormPdfs.refusal(form, issuer(slip.unitCode()), subject, slip.reason(), number, slip.at(), officer);
		return Optional.of(keep(new Draft(key, null, slip.id(), slip.unitCode(), form.kind(), form, number,
				filename(form, "P" + slip.id()), slip.at(), slip.officer(), null, true), pdf));
	}

	/** Form 04, at the apology: its reason, the due time it replaces and the new one. */
	@Transactional
	public Optional<IssuedDocument> issueApology(String code, String reason, Instant previousDueAt, Instant newDueAt,
			Instant at) {
		return issue("APOLOGY:" + code, code, d -> {
			Form form = form(d.receivedAt(), FormKind.APOLOGY);
			String number = d.code() + "/" + form.suffix();
			return new Made(form, number, null,
					FormPdfs.apology(form, issuer(d.unitCode()), d, reason, previousDueAt, newDueAt, number, at, null),
					at);
		});
	}

	/**
	 * Form 05, when processing stops at the applicant's request; none for a dossier
	 * received before 1 July 2025 (Circular 01/2018 had no such form).
	 */
	@Transactional
	public Optional<IssuedDocument> issueStopNotice(String code, Instant at, String by) {
		return issue("STOP_NOTICE:" + code, code, d -> {
			Optional<Form> form = set(d.receivedAt()).form(FormKind.STOP_NOTICE);
			if (form.isEmpty()) {
				return null;
			}
			String number = d.code() + "/" + form.get().suffix();
			return new Made(form.get(), number, by,
					FormPdfs.stopNotice(form.get(), issuer(d.unitCode()), d, number, at, fullName(by)), at);
		});
	}

	/** Form 06, when the dossier ends: every hand-over with its time and verdict. */
	@Transactional
	public Optional<IssuedDocument> issueControlSlip(String code, Instant at) {
		return issue("CONTROL_SLIP:" + code, code, d -> {
			if (d.receivedAt() == null) {
				return null;
			}
			Form form = form(d.receivedAt(), FormKind.CONTROL_SLIP);
			String number = d.code() + "/" + form.suffix();
			return new Made(form, number, null, FormPdfs.controlSlip(form, issuer(d.unitCode()), d, number, at), at);
		});
	}

	/**
	 * The electronic receipt of a fee paid (biên lai điện tử), once per payment (its key:
	 * {@code E_RECEIPT:<paymentId>}), kept with the dossier for its applicant and sealed
	 * with the unit's key like the forms; at the payment's time.
	 * @param paymentId the payment's id, which the receipt is kept under
	 * @param receipt what it prints but the payer and procedure, taken from the dossier
	 */
	@Transactional
	public Optional<IssuedDocument> issueEReceipt(long paymentId, FormPdfs.ReceiptData receipt) {
		String key = eReceiptKey(paymentId);
		Optional<IssuedDocument> done = byKey(key);
		if (done.isPresent()) {
			return done;
		}
		Optional<DossierView> dossier = this.dossiers.asIssued(receipt.dossierCode());
		if (dossier.isEmpty()) {
			log.warn("No dossier {} to issue {} for", receipt.dossierCode(), key);
			return Optional.empty();
		}
		DossierView d = dossier.get();
		List<FormPdfs.FeeLine> lines = receipt.lines().isEmpty() ? feeLines(d, receipt.total()) : receipt.lines();
		FormPdfs.ReceiptData full = new FormPdfs.ReceiptData(receipt.number(), d.applicant().name(),
				d.applicant().idNumber(), d.code(), d.procedureName(), lines, receipt.total(), receipt.method(),
				receipt.gateway(), receipt.gatewayTransactionNo(), receipt.receiptNumber(), receipt.paidAt(),
				fullName(receipt.recordedBy()));
		byte[] pdf = FormPdfs.eReceipt(issuer(d.unitCode()), full);
		return Optional.of(keep(new Draft(key, d.code(), null, d.unitCode(), FormKind.E_RECEIPT, null, receipt.number(),
				"BienLai-" + receipt.number() + ".pdf", receipt.paidAt(), null, null, true), pdf));
	}

	/**
	 * The lines of the dossier's fee as computed at intake (those charged, not those
	 * exempted), when they make up what was paid; else one line for the whole.
	 */
	private static List<FormPdfs.FeeLine> feeLines(DossierView d, long total) {
		if (d.fee() != null && d.fee().amount() == total) {
			List<FormPdfs.FeeLine> lines = d.fee()
				.lines()
				.stream()
				.filter(l -> l.amount() > 0)
				.map(l -> new FormPdfs.FeeLine(l.count() > 1
						? l.name() + " (" + l.count() + " × "
								+ String.format(java.util.Locale.ROOT, "%,d", l.unitAmount()).replace(',', '.') + " đ)"
						: l.name(), l.amount()))
				.toList();
			if (!lines.isEmpty()) {
				return lines;
			}
		}
		return List.of(new FormPdfs.FeeLine("Phí, lệ phí giải quyết thủ tục " + d.procedureName(), total));
	}

	static String eReceiptKey(long paymentId) {
		return FormKind.E_RECEIPT + ":" + paymentId;
	}

	/** The e-receipt of the payment, once issued. */
	@Transactional(readOnly = true)
	public Optional<IssuedDocument> eReceipt(long paymentId) {
		return byKey(eReceiptKey(paymentId));
	}

	/**
	 * The e-receipt of the payment with its content, for a caller that has proven the
	 * payer (a verified return from the gateway, the dossier's code with its four
	 * digits).
	 */
	@Transactional(readOnly = true)
	public Optional<Content> openEReceipt(long paymentId) {
		return eReceipt(paymentId).map(doc -> content(doc, doc.dossierCode()));
	}

	/**
	 * An e-receipt of the dossier with its content, for a caller that has proven the
	 * dossier (its code with its four digits).
	 */
	@Transactional(readOnly = true)
	public Optional<Content> openEReceipt(String code, long id) {
		return eReceipts(code).stream().filter(d -> d.id() == id).findFirst().map(doc -> content(doc, code));
	}

	/** The e-receipts of the dossier, oldest first, for a caller that has proven it. */
	@Transactional(readOnly = true)
	public List<IssuedDocument> eReceipts(String code) {
		return list("dossier_code = ? and kind = ?", code, FormKind.E_RECEIPT.name());
	}

	/** What an issuing event makes of the dossier, or null for nothing. */
	private record Made(Form form, String number, String by, byte[] pdf, Instant at) {
	}

	private Optional<IssuedDocument> issue(String key, String code,
			java.util.function.Function<DossierView, Made> make) {
		Optional<IssuedDocument> done = byKey(key);
		if (done.isPresent()) {
			return done;
		}
		Optional<DossierView> dossier = this.dossiers.asIssued(code);
		if (dossier.isEmpty()) {
			log.warn("No dossier {} to issue {} for", code, key);
			return Optional.empty();
		}
		DossierView d = dossier.get();
		Made made = make.apply(d);
		if (made == null) {
			return Optional.empty();
		}
		return Optional.of(keep(
				new Draft(key, d.code(), null, d.unitCode(), made.form().kind(), made.form(), made.number(),
						filename(made.form(), d.code()), made.at(), made.by(), null, made.form().kind().forCitizen()),
				made.pdf()));
	}

	// ------------------------------------------------------------------ keeping: the
	// signing seam

	/**
	 * What is known of a document before its bytes are kept: the key of the event that
	 * made it, what and whose it is, and who signs it ({@code signer}: an officer's
	 * username, or null for the unit's seal).
	 */
	record Draft(String eventKey, String dossierCode, Long slipId, String unitCode, FormKind kind, Form form,
			String number, String filename, Instant issuedAt, String issuedBy, String signer, boolean forCitizen) {
	}

	/**
	 * Keeps a document once: signs its PDF ({@link DocumentSigner#sign}, the one call
	 * where signing happens), stores the signed bytes under their SHA-256 in the file
	 * store, and records it under its event key; a key recorded already (an event
	 * delivered twice, or two instances at once) keeps the first document.
	 */
	IssuedDocument keep(Draft draft, byte[] pdf) {
		DocumentSigner.Signed made = this.signer.getIfAvailable(() -> DocumentSigner.UNSIGNED)
			.sign(new DocumentSigner.Signing(draft.kind(), draft.unitCode(), draft.dossierCode(), draft.signer()), pdf);
		byte[] signed = made.pdf();
		String sha256 = sha256(signed);
		if (!this.store.exists(sha256)) {
			// content under a key never changes: a document no row holds after a
			// rollback is harmless, and written again if the event is delivered again
			this.store.put(sha256, new ByteArrayInputStream(signed), signed.length);
		}
		Object[] row = { draft.dossierCode(), draft.slipId(), draft.unitCode(), draft.kind().name(),
				draft.form() == null ? null : draft.form().set(), draft.form() == null ? null : draft.form().number(),
				cut(draft.number(), 80), draft.eventKey(), cut(draft.filename(), 255), sha256, signed.length,
				utc(draft.issuedAt()), draft.issuedBy(), draft.forCitizen(), made.signedBy(), made.level() };
		String insert = "insert into issued_document (dossier_code, slip_id, unit_code, kind, form_set, form_number,"
				+ " number, event_key, filename, sha256, size_bytes, issued_at, issued_by, for_citizen, signed_by,"
				+ " signature_level)";
		if (this.database.postgres()) {
			this.jdbc
				.sql(insert
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_key) do nothing")
				.params(row)
				.update();
		}
		else {
			try {
				Object[] params = java.util.Arrays.copyOf(row, row.length + 1);
				params[row.length] = draft.eventKey();
				this.jdbc
					.sql(insert + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists"
							+ " (select 1 from issued_document where event_key = ?)")
					.params(params)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// written by another transaction at the same time: that one is kept
			}
		}
		return byKey(draft.eventKey()).orElseThrow();
	}

	private static String cut(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ------------------------------------------------------------------ reading, checked

	/** A document with its content, a stream to read once and close. */
	public record Content(IssuedDocument document, InputStream stream) {
	}

	/**
	 * The documents issued for the dossier, oldest first, for who may read the dossier.
	 * @throws DossierNotFound when there is no such dossier the actor may read
	 */
	@Transactional(readOnly = true)
	public List<IssuedDocument> ofDossier(Actor actor, String code) {
		readable(actor, code);
		return list("dossier_code = ?", code);
	}

	/** The documents of an intake slip, for the officers of its unit. */
	@Transactional(readOnly = true)
	public List<IssuedDocument> ofSlip(Actor actor, long slipId) {
		this.dossiers.slip(actor, slipId);
		return list("slip_id = ?", slipId);
	}

	/**
	 * One document of the dossier with its content, for who may read the dossier; the
	 * read is audited as a read of the dossier.
	 */
	@Transactional(readOnly = true)
	public Content open(Actor actor, String code, long id) {
		readable(actor, code);
		IssuedDocument doc = list("dossier_code = ? and id = ?", code, id).stream()
			.findFirst()
			.orElseThrow(() -> DossierNotFound.forCode(code));
		this.dossiers.get(actor, code);
		return content(doc, code);
	}

	/** A document of an intake slip with its content, for the officers of its unit. */
	@Transactional(readOnly = true)
	public Content openOfSlip(Actor actor, long slipId, long id) {
		IssuedDocument doc = ofSlip(actor, slipId).stream()
			.filter(d -> d.id() == id)
			.findFirst()
			.orElseThrow(() -> Problem.notFound(ProblemCode.NOT_FOUND, "document", "No document " + id));
		return content(doc, "P" + slipId);
	}

	/**
	 * The documents of one of the applicant's own dossiers that are meant for them, the
	 * applicant proven by their sign-in's ID number.
	 */
	@Transactional(readOnly = true)
	public List<IssuedDocument> forApplicant(String verifiedIdNumber, String code) {
		if (this.dossiers.ofApplicant(verifiedIdNumber).stream().map(PublicStatus::code).noneMatch(code::equals)) {
			throw DossierNotFound.forCode(code);
		}
		return list("dossier_code = ? and for_citizen = ?", code, true);
	}

	/** The documents meant for the applicant, of each of their dossiers, by code. */
	@Transactional(readOnly = true)
	public java.util.Map<String, List<IssuedDocument>> forApplicant(String verifiedIdNumber) {
		java.util.Map<String, List<IssuedDocument>> byCode = new java.util.LinkedHashMap<>();
		for (PublicStatus s : this.dossiers.ofApplicant(verifiedIdNumber)) {
			byCode.put(s.code(), list("dossier_code = ? and for_citizen = ?", s.code(), true));
		}
		return byCode;
	}

	/**
	 * A document meant for the applicant, of one of their own dossiers, with its content.
	 */
	@Transactional(readOnly = true)
	public Content openForApplicant(String verifiedIdNumber, String code, long id) {
		IssuedDocument doc = forApplicant(verifiedIdNumber, code).stream()
			.filter(d -> d.id() == id)
			.findFirst()
			.orElseThrow(() -> DossierNotFound.forCode(code));
		return content(doc, code);
	}

	/**
	 * The receipt (Form 01) of the dossier, made now if its event has not made it yet
	 * (the counter prints it at once), for who may read the dossier.
	 */
	@Transactional
	public Content receipt(Actor actor, String code) {
		readable(actor, code);
		IssuedDocument doc = issueReceipt(code).orElseThrow(() -> DossierNotFound.forCode(code));
		return content(doc, code);
	}

	/** The slip's form (02 or 03), made now if its event has not made it yet. */
	@Transactional
	public Content slipForm(Actor actor, long slipId) {
		this.dossiers.slip(actor, slipId);
		IssuedDocument doc = issueSlip(slipId)
			.orElseThrow(() -> Problem.notFound(ProblemCode.NOT_FOUND, "slip", "No intake slip " + slipId));
		return content(doc, "P" + slipId);
	}

	/**
	 * The control slip (Form 06) of the dossier as it stands now, made on demand and not
	 * kept (the one kept is made when the dossier ends).
	 */
	@Transactional(readOnly = true)
	public byte[] controlSlipNow(Actor actor, String code) {
		DossierView d = readable(actor, code);
		if (d.receivedAt() == null) {
			throw DossierNotFound.forCode(code);
		}
		Form form = form(d.receivedAt(), FormKind.CONTROL_SLIP);
		return FormPdfs.controlSlip(form, issuer(d.unitCode()), d, d.code() + "/" + form.suffix(),
				this.clock.instant());
	}

	/**
	 * The unit's tracking register (Form 07) of the dossiers received from {@code from}
	 * to {@code to} (days in Vietnam, both included), made on demand, for who may read
	 * the unit's dossiers; of the form set in force on the period's last day.
	 */
	@Transactional(readOnly = true)
	public byte[] register(Actor actor, String unitCode, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw Problem.invalid(ProblemCode.PERIOD_INVALID, "to", "the period ends before it starts");
		}
		if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= REGISTER_MAX_DAYS) {
			throw Problem.invalid(ProblemCode.PERIOD_INVALID, "to",
					"a register covers at most " + REGISTER_MAX_DAYS + " days");
		}
		Instant start = from.atStartOfDay(FormSets.VIETNAM).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(FormSets.VIETNAM).toInstant();
		List<DossierSummary> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			var found = this.dossiers.search(actor, new DossierQueries.Query(unitCode, null, null, false, null, start,
					end, page, DossierQueries.MAX_PAGE_SIZE));
			rows.addAll(found.items());
			if (rows.size() > REGISTER_MAX_ROWS) {
				throw Problem.invalid(ProblemCode.PERIOD_INVALID, "to",
						"more than " + REGISTER_MAX_ROWS + " dossiers: choose a shorter period");
			}
			if (found.items().size() < DossierQueries.MAX_PAGE_SIZE) {
				break;
			}
		}
		rows.sort(Comparator.comparing(DossierSummary::receivedAt).thenComparing(DossierSummary::code));
		Form form = this.sets.on(to).form(FormKind.REGISTER).orElseThrow();
		return FormPdfs.register(form, issuer(unitCode), from, to, rows,
				from.getYear() + "/" + form.suffix() + "-" + from + "-" + to, this.clock.instant());
	}

	private DossierView readable(Actor actor, String code) {
		return this.dossiers.asIssued(code)
			.filter(d -> this.dossiers.mayRead(actor, d.unitCode()))
			.orElseThrow(() -> DossierNotFound.forCode(code));
	}

	Content content(IssuedDocument doc, String code) {
		InputStream in = this.store.open(doc.sha256()).orElseThrow(() -> DossierNotFound.forCode(code));
		return new Content(doc, in);
	}

	// ------------------------------------------------------------------ rows

	Optional<IssuedDocument> byKey(String key) {
		return list("event_key = ?", key).stream().findFirst();
	}

	List<IssuedDocument> list(String where, Object... params) {
		return this.jdbc.sql("select " + COLUMNS + " from issued_document where " + where + " order by id")
			.params(params)
			.query((rs, n) -> {
				FormKind kind = FormKind.valueOf(rs.getString("kind"));
				String set = rs.getString("form_set");
				return new IssuedDocument(rs.getLong("id"), rs.getString("dossier_code"),
						rs.getObject("slip_id") == null ? null : rs.getLong("slip_id"), rs.getString("unit_code"), kind,
						set, rs.getString("form_number"), title(set, kind), rs.getString("number"),
						rs.getString("filename"), rs.getString("sha256"), rs.getLong("size_bytes"),
						rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("issued_by"),
						rs.getBoolean("for_citizen"), rs.getString("signed_by"), rs.getString("signature_level"));
			})
			.list();
	}

	private String title(String set, FormKind kind) {
		if (kind == FormKind.RESULT) {
			return "Kết quả giải quyết hồ sơ";
		}
		if (kind == FormKind.E_RECEIPT) {
			return FormPdfs.E_RECEIPT_TITLE;
		}
		return this.sets.all()
			.stream()
			.filter(s -> s.name().equals(set))
			.findFirst()
			.flatMap(s -> s.form(kind))
			.map(Form::title)
			.orElse(kind.name());
	}

	// ------------------------------------------------------------------ helpers

	private FormSet set(Instant receivedAt) {
		return this.sets.at(receivedAt == null ? this.clock.instant() : receivedAt);
	}

	private Form form(Instant receivedAt, FormKind kind) {
		return set(receivedAt).form(kind)
			.orElseThrow(() -> new IllegalStateException("no form " + kind + " in " + set(receivedAt).name()));
	}

	private FormPdfs.Issuer issuer(String unitCode) {
		Unit unit = this.units.get("unit", unitCode);
		return new FormPdfs.Issuer(unit.name(), unit.address());
	}

	private String fullName(String username) {
		return username == null ? null : this.officers.find(username).map(Officer::fullName).orElse(username);
	}

	private static String name(String fullName, String username) {
		return fullName != null ? fullName : username;
	}

	private static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String filename(Form form, String code) {
		return "Mau" + form.number() + "-" + code + ".pdf";
	}

}
