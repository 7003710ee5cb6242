package vn.motcua.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.core.ApplicantRules;
import vn.motcua.notification.Notifications;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.Problem.Violation;

/**
 * Online submission without a signed-in identity: the applicant proves they hold an
 * e-mail address by typing the six-digit code sent to it (through the notification
 * outbox) within 15 minutes and 5 tries. Only then is the dossier taken in. An incomplete
 * submission gets its guidance at once, and no code. A confirmed one gets its code and
 * waits for the one-stop officer's check (ADR 15).
 */
@Service
public class OnlineSubmissions {

	static final Duration VALID_FOR = Duration.ofMinutes(15);

	static final int MAX_TRIES = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The submission waits for its code ({@code pendingId}), or came back with what is
	 * missing.
	 */
	public record Started(String pendingId, List<String> missing) {
	}

	private final DossierIntake intake;

	private final PendingSubmissions pending;

	private final DossierFiles files;

	private final Notifications notifications;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	OnlineSubmissions(DossierIntake intake, PendingSubmissions pending, DossierFiles files, Notifications notifications,
			Clock clock, PlatformTransactionManager transactions) {
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.intake = intake;
		this.pending = pending;
		this.files = files;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Where the scans of a submission wait for its code. */
	static String pendingKey(String id) {
		return "pending:" + id;
	}

	/**
	 * Checks the submission and its scans, keeps them and sends a code to the e-mail
	 * address; or returns what is missing, keeping nothing.
	 */
	@Transactional
	public Started start(String email, DossierIntake.IntakeRequest request, List<Scan> scans) {
		vn.motcua.dossier.Applicant a = request.applicant() == null
				? new vn.motcua.dossier.Applicant(null, null, null, null, null) : request.applicant();
		List<Violation> violations = new java.util.ArrayList<>(ApplicantRules.check(strip(a.name()),
				strip(a.idNumber()), strip(a.phone()), strip(email), strip(a.address()), true, true));
		violations.replaceAll(v -> v.field().equals("applicant.email") ? Violation.of("email", v.reason()) : v);
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "The submission has invalid fields", violations);
		}
		scans.forEach(this.files::check);
		List<String> missing = this.intake.missing(request.unitCode(), request.procedureCode(),
				request.components() == null ? List.of() : request.components());
		if (!missing.isEmpty()) {
			return new Started(null, missing);
		}
		this.intake.checkFee(request.unitCode(), request.procedureCode(), request.fee());
		String id = UUID.randomUUID().toString();
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		Instant now = this.clock.instant();
		this.pending.insert(id, request.unitCode(), email.strip(), JSON.writeValueAsString(request), hash(id, code),
				now.plus(VALID_FOR), now);
		if (!scans.isEmpty()) {
			this.files.keep(pendingKey(id), scans, "online:" + email.strip());
		}
		this.notifications.email(email.strip(), "MotCua: mã xác minh nộp hồ sơ " + code,
				"Mã xác minh để hoàn tất nộp hồ sơ trực tuyến của bạn là: " + code + "\n"
						+ "Mã có hiệu lực trong 15 phút. Nếu bạn không nộp hồ sơ, hãy bỏ qua thư này.");
		return new Started(id, List.of());
	}

	/**
	 * Takes the dossier in, with the scans kept for it, when the code is right; all of it
	 * or, when anything fails, none of it. A wrong code counts a try, in a transaction of
	 * its own. A submission is taken in once: a second confirmation (a double click)
	 * finds none.
	 * @throws Problem not found (no such submission), conflict (expired, or out of
	 * tries), invalid (wrong code)
	 */
	@Transactional
	public DossierIntake.IntakeResult confirm(String pendingId, String code) {
		PendingSubmissions.Pending p = this.pending.find(pendingId).orElseThrow(OnlineSubmissions::noSubmission);
		if (this.clock.instant().isAfter(p.expiresAt())) {
			throw new Problem(Problem.Kind.CONFLICT, ProblemCode.CODE_EXPIRED, "The code has expired; submit again",
					List.of(Violation.of("code", "expired")));
		}
		if (p.attempts() >= MAX_TRIES) {
			throw new Problem(Problem.Kind.CONFLICT, ProblemCode.TOO_MANY_TRIES, "Too many wrong codes; submit again",
					List.of(Violation.of("code", "too many tries")));
		}
		if (code == null || !hash(pendingId, code.strip()).equals(p.codeHash())) {
			this.ownTransaction.executeWithoutResult(status -> this.pending.countWrongCode(pendingId));
			throw Problem.invalid(ProblemCode.CODE_WRONG, "code", "the code is not the one sent");
		}
		if (!this.pending.delete(pendingId)) {
			throw noSubmission();
		}
		DossierIntake.IntakeRequest request = JSON.readValue(p.payload(), DossierIntake.IntakeRequest.class);
		DossierIntake.IntakeResult result = this.intake.submitVerifiedByEmail(p.email(), request,
				pendingKey(pendingId));
		if (result.dossier() == null) {
			this.files.discard(pendingKey(pendingId));
		}
		return result;
	}

	private static Problem noSubmission() {
		return Problem.notFound(ProblemCode.SUBMISSION_NOT_FOUND, "id", "No submission waits for a code here");
	}

	private static String hash(String id, String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest((id + ":" + code).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
