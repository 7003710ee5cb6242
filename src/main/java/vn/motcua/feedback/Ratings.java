package vn.motcua.feedback;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.PublicStatus;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.Problem.Violation;

import static vn.motcua.shared.Sql.utc;

/** The applicants' ratings: once per dossier, after its result was returned. */
@Service
public class Ratings {

	private final DossierQueries dossiers;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Ratings(DossierQueries dossiers, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.dossiers = dossiers;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Whether the dossier was rated already. */
	@Transactional(readOnly = true)
	public boolean isRated(String code) {
		return this.jdbc.sql("select count(*) from feedback_rating where dossier_code = ?")
			.param(code)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Rates a returned dossier, proven with the last four digits of the applicant's ID or
	 * phone number.
	 * @throws Problem not found for a wrong code or digits; conflict when not returned
	 * yet or rated already; invalid when "not satisfied" has no reason
	 */
	@Transactional
	public void rate(String code, String lastDigits, Rating rating, String reason) {
		PublicStatus dossier = this.dossiers.lookup(code, lastDigits);
		if (rating == null) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "rating",
					"one of VERY_SATISFIED, SATISFIED, NOT_SATISFIED");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (rating == Rating.NOT_SATISFIED && why == null) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "reason", "is required when not satisfied");
		}
		if (why != null && why.length() > 2000) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "reason", "must be at most 2000 characters");
		}
		if (dossier.status() != DossierStatus.RETURNED) {
			throw new Problem(Problem.Kind.CONFLICT, ProblemCode.NOT_RETURNED,
					"Dossier " + code + " can be rated once its result is returned",
					List.of(Violation.of("code", "the result is not returned yet")));
		}
		if (isRated(code)) {
			throw new Problem(Problem.Kind.CONFLICT, ProblemCode.ALREADY_RATED,
					"Dossier " + code + " was rated already", List.of(Violation.of("code", "rated already")));
		}
		java.time.Instant now = this.clock.instant();
		try {
			this.jdbc.sql(
					"insert into feedback_rating (dossier_code, unit_code, rating, reason, rated_at) values (?, ?, ?, ?, ?)")
				.params(code, dossier.unitCode(), rating.name(), why, utc(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// a second rating sent at the same moment: the first one stands
			throw new Problem(Problem.Kind.CONFLICT, ProblemCode.ALREADY_RATED,
					"Dossier " + code + " was rated already", List.of(Violation.of("code", "rated already")));
		}
		this.events.publishEvent(new DossierRated(code, dossier.unitCode(), rating, now));
	}

}
