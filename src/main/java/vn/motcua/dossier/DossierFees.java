package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.core.FeeStage;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierTransitions;

import static vn.motcua.shared.Sql.utc;

/**
 * The dossiers' fees, for the payment module (which depends on this module, never the
 * other way, ADR 35): what a dossier owes, and the confirmation that it was paid, which
 * moves a dossier waiting for it on.
 */
@Service
public class DossierFees {

	/** Who confirms a payment the gateway reported. */
	public static final String SYSTEM = "system";

	/**
	 * What a dossier owes: {@code paid} once paid (then nothing is owed).
	 */
	public record FeeDue(String dossierCode, String unitCode, String procedureCode, String procedureName, long amount,
			FeeStage stage, boolean paid, String applicantName, String applicantIdNumber, String applicantEmail) {
	}

	private final Dossiers dossiers;

	private final Calendars calendars;

	private final JdbcClient jdbc;

	private final Catalog catalog;

	private final Clock clock;

	DossierFees(Dossiers dossiers, Calendars calendars, JdbcClient jdbc, Catalog catalog, Clock clock) {
		this.dossiers = dossiers;
		this.calendars = calendars;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * The fee of the dossier, when it has one (more than 0 đồng) that may be paid now:
	 * the dossier was received and is still open. Empty: no such dossier, no fee, an
	 * online submission not received yet, or a closed dossier.
	 */
	@Transactional(readOnly = true)
	public Optional<FeeDue> due(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return this.dossiers.find(code.strip())
			.map(Dossier::state)
			.filter(s -> s.fee != null && s.fee.due())
			.filter(s -> DossierTransitions.of(DossierAction.PAYMENT_CONFIRMED).from().contains(s.status))
			.map(s -> new FeeDue(s.code, s.unitCode, s.procedureCode, s.procedureName, s.fee.amount(), s.fee.stage(),
					s.fee.paid(), s.applicant.name(), s.applicant.idNumber(), s.applicant.email()));
	}

	/**
	 * The dossier's fee was paid, as the gateway reported it: see
	 * {@link #paid(String, String, String, Instant, String)}, confirmed by
	 * {@value #SYSTEM}.
	 */
	@Transactional
	public void paid(String code, String paymentReference, String method, Instant at) {
		paid(code, paymentReference, method, at, SYSTEM);
	}

	/**
	 * The dossier's fee was paid by the payment {@code paymentReference} at {@code at}
	 * ({@code method}: ONLINE, CASH, TRANSFER), confirmed by {@code by} (the finance
	 * officer who recorded it, or {@value #SYSTEM}). In the caller's transaction.
	 * Idempotent: a fee paid already changes nothing. A dossier waiting for it goes on,
	 * its due time moved by the working time it waited (ADR 35).
	 * @throws DossierNotFound when there is no such dossier
	 * @throws vn.motcua.shared.Problem when it has no fee (409), or is closed or not yet
	 * received (409, INVALID_STATUS_TRANSITION)
	 * @throws DossierChanged when someone changed the dossier at the same moment
	 */
	@Transactional
	public void paid(String code, String paymentReference, String method, Instant at, String by) {
		Dossier dossier = this.dossiers.find(code).orElseThrow(() -> DossierNotFound.forCode(code));
		Instant when = at != null ? at : this.clock.instant();
		WorkingCalendar calendar = this.calendars.forUnit(dossier.unitCode(), dossier.rulesDay(when));
		String who = by == null || by.isBlank() ? SYSTEM : by.strip();
		if (dossier.paid(who.length() > 60 ? who.substring(0, 60) : who, paymentReference, method, when, calendar)) {
			this.dossiers.save(dossier);
		}
	}

	/**
	 * How many dossiers the unit received from {@code from} to {@code to} (days in
	 * Vietnam, both included) with a fee of more than 0 đồng.
	 */
	@Transactional(readOnly = true)
	public long countWithFees(String unitCode, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("select count(*) from dossier where unit_code = ? and fee_amount > 0 and received_at >= ?"
					+ " and received_at < ?")
			.params(unitCode, utc(from.atStartOfDay(WorkingCalendar.ZONE).toInstant()),
					utc(to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant()))
			.query(Long.class)
			.single();
	}

	/**
	 * How many of the unit's procedures in force today have a fee to pay (not only exempt
	 * ones).
	 */
	@Transactional(readOnly = true)
	public long feeProcedures(String unitCode) {
		return this.catalog.feeProcedures(unitCode);
	}

}
