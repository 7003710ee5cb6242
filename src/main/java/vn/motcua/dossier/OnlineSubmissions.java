package vn.motcua.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.notification.Notifications;
import vn.motcua.shared.Problem;
import vn.motcua.shared.Problem.Violation;

/**
 * Online submission without a signed-in identity: the applicant proves they hold an
 * e-mail address by typing the six-digit code sent to it (through the notification
 * outbox) within 15 minutes and 5 tries. Only then is the dossier taken in. An incomplete
 * submission gets its guidance at once, and no code.
 */
@Service
public class OnlineSubmissions {

	static final Duration VALID_FOR = Duration.ofMinutes(15);

	static final int MAX_TRIES = 5;

	static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static final Pattern ID_NUMBER = Pattern.compile("[0-9]{9,12}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The submission waits for its code ({@code pendingId}), or came back with what is
	 * missing.
	 */
	public record Started(String pendingId, List<String> missing) {
	}

	private final Dossiers dossiers;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final Clock clock;

	OnlineSubmissions(Dossiers dossiers, Notifications notifications, JdbcClient jdbc, Clock clock) {
		this.dossiers = dossiers;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Checks the submission and sends a code to the e-mail address, or returns what is
	 * missing.
	 */
	@Transactional
	public Started start(String email, Dossiers.IntakeRequest request) {
		List<Violation> violations = new java.util.ArrayList<>();
		if (email == null || !EMAIL.matcher(email.strip()).matches() || email.length() > 200) {
			violations.add(Violation.of("email", "an e-mail address, where the code is sent"));
		}
		if (request.applicant() == null || request.applicant().name() == null || request.applicant().name().isBlank()) {
			violations.add(Violation.of("applicant.name", "must not be blank"));
		}
		if (request.applicant() == null || request.applicant().idNumber() == null
				|| !ID_NUMBER.matcher(request.applicant().idNumber()).matches()) {
			violations.add(Violation.of("applicant.idNumber", "the personal identification number, 9 to 12 digits"));
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid("INVALID_REQUEST", "The submission has invalid fields", violations);
		}
		List<String> missing = this.dossiers.missing(request.unitCode(), request.procedureCode(),
				request.components() == null ? List.of() : request.components());
		if (!missing.isEmpty()) {
			return new Started(null, missing);
		}
		String id = UUID.randomUUID().toString();
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		Instant now = this.clock.instant();
		this.jdbc
			.sql("insert into dossier_pending_submission (id, unit_code, email, payload, code_hash, expires_at,"
					+ " attempts, created_at) values (?, ?, ?, ?, ?, ?, 0, ?)")
			.params(id, request.unitCode(), email.strip(), JSON.writeValueAsString(request), hash(id, code),
					utc(now.plus(VALID_FOR)), utc(now))
			.update();
		this.notifications.email(email.strip(), "MotCua: mã xác minh nộp hồ sơ " + code,
				"Mã xác minh để hoàn tất nộp hồ sơ trực tuyến của bạn là: " + code + "\n"
						+ "Mã có hiệu lực trong 15 phút. Nếu bạn không nộp hồ sơ, hãy bỏ qua thư này.");
		return new Started(id, List.of());
	}

	/**
	 * Takes the dossier in when the code is right. A wrong code counts a try.
	 * @throws Problem not found (no such submission), conflict (expired, or out of
	 * tries), invalid (wrong code)
	 */
	@Transactional(noRollbackFor = Problem.class)
	public Dossiers.IntakeResult confirm(String pendingId, String code) {
		record Pending(String email, String payload, String codeHash, Instant expiresAt, int attempts) {
		}
		Pending p = this.jdbc
			.sql("select email, payload, code_hash, expires_at, attempts from dossier_pending_submission"
					+ " where id = ?")
			.param(pendingId)
			.query((rs, n) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5)))
			.optional()
			.orElseThrow(() -> Problem.notFound("SUBMISSION_NOT_FOUND", "id", "No submission waits for a code here"));
		if (this.clock.instant().isAfter(p.expiresAt())) {
			throw new Problem(Problem.Kind.CONFLICT, "CODE_EXPIRED", "The code has expired; submit again",
					List.of(Violation.of("code", "expired")));
		}
		if (p.attempts() >= MAX_TRIES) {
			throw new Problem(Problem.Kind.CONFLICT, "TOO_MANY_TRIES", "Too many wrong codes; submit again",
					List.of(Violation.of("code", "too many tries")));
		}
		if (code == null || !hash(pendingId, code.strip()).equals(p.codeHash())) {
			this.jdbc.sql("update dossier_pending_submission set attempts = attempts + 1 where id = ?")
				.param(pendingId)
				.update();
			throw Problem.invalid("CODE_WRONG", "code", "the code is not the one sent");
		}
		this.jdbc.sql("delete from dossier_pending_submission where id = ?").param(pendingId).update();
		Dossiers.IntakeRequest request = JSON.readValue(p.payload(), Dossiers.IntakeRequest.class);
		return this.dossiers.submitVerifiedByEmail(p.email(), request);
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

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
