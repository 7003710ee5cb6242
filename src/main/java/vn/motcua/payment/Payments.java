package vn.motcua.payment;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierFees;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.org.Actor;
import vn.motcua.org.Role;
import vn.motcua.payment.Gateway.Callback;
import vn.motcua.payment.Gateway.CallbackOutcome;
import vn.motcua.payment.PaymentOrders.FeeOrder;
import vn.motcua.shared.PlainText;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Payments of dossiers' fees (ADR 36). Online: an order is made once per idempotency key
 * and the payer sent to the gateway; only a verified IPN moves it (PENDING → PAID or
 * FAILED), by one conditional update, telling the dossier and publishing
 * {@link PaymentConfirmed} in the same transaction. At the counter: the finance officer
 * records a cash or transfer payment with its receipt number. A dossier has at most one
 * live order (created, pending or paid), so that its fee is never taken twice; a refund
 * frees it. No money state moves on an unverified message.
 */
@Service
public class Payments {

	/** What the payer is sent to: the order and the gateway's signed URL. */
	public record Started(Payment payment, URI redirect) {
	}

	/**
	 * What the return page shows: whether the gateway signed the fields it came back
	 * with; if so, the order and what the gateway said ({@code success}); the order's
	 * status as recorded (changed only by the IPN).
	 */
	public record Returned(boolean verified, String reference, String dossierCode, Long amount, boolean success,
			String responseCode, PaymentStatus status) {
	}

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,99}");

	private static final Pattern RECEIPT = Pattern.compile("[\\p{L}\\p{N}./ _-]{1,40}");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private static final int MAX_LIST = 1000;

	private static final Logger log = LoggerFactory.getLogger(Payments.class);

	private final PaymentOrders orders;

	private final DossierFees fees;

	private final Gateway gateway;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration lifetime;

	private final Duration grace;

	private final SecureRandom random = new SecureRandom();

	private final DossierQueries dossiers;

	Payments(PaymentOrders orders, DossierFees fees, DossierQueries dossiers, Gateway gateway,
			ApplicationEventPublisher events, Clock clock,
			@Value("${motcua.payment.order-lifetime:PT15M}") Duration lifetime,
			@Value(PaymentSweeps.GRACE) Duration grace) {
		this.orders = orders;
		this.fees = fees;
		this.dossiers = dossiers;
		this.gateway = gateway;
		this.events = events;
		this.clock = clock;
		this.lifetime = lifetime;
		this.grace = grace;
	}

	/**
	 * Starts (or, for a key used before for the dossier, gives again) an online payment
	 * of the dossier's fee. A dossier whose online order is still pending gets that order
	 * again.
	 * @throws Problem not found (no dossier), conflict (no fee, paid already, the key
	 * used for another dossier), invalid (the key)
	 */
	@Transactional
	public Started startOnline(String dossierCode, String idempotencyKey, String payerIp) {
		String key = checkKey(idempotencyKey, true);
		Instant now = this.clock.instant();
		Optional<PaymentOrders.Row> before = this.orders.findByKey(key);
		if (before.isPresent()) {
			return again(before.get(), dossierCode, payerIp, now);
		}
		DossierFees.FeeDue due = due(dossierCode);
		Optional<Payment> live = this.orders.live(due.dossierCode());
		if (live.isPresent()) {
			Payment p = live.get();
			if (p.status() == PaymentStatus.PAID) {
				throw conflict(ProblemCode.FEE_ALREADY_PAID, "The fee of dossier " + p.dossierCode() + " is paid");
			}
			if (p.status() == PaymentStatus.PENDING && p.expiresAt() != null && p.expiresAt().isAfter(now)) {
				return new Started(p, this.gateway.redirect(p, payerIp, now));
			}
			if (p.expiresAt() == null || p.expiresAt().plus(this.grace).isAfter(now)) {
				// past its lifetime but within the grace: an IPN may still be on its way
				throw conflict(ProblemCode.PAYMENT_IN_PROGRESS, "An online payment of dossier " + p.dossierCode()
						+ " may still be confirmed until " + p.expiresAt().plus(this.grace));
			}
			// a live order past its lifetime and the grace that the sweep has not reached
			// yet
			this.orders.move(p.id(), p.status(), PaymentStatus.EXPIRED, "");
		}
		String reference = reference(now);
		Optional<Long> id = this.orders.insert(reference,
				new FeeOrder(due.dossierCode(), due.unitCode(), due.procedureCode(), due.amount()),
				PaymentMethod.ONLINE, this.gateway.name(), now, now.plus(this.lifetime), key, payerIp);
		if (id.isEmpty()) {
			// a concurrent request with the key, or for the dossier, came first
			Optional<PaymentOrders.Row> winner = this.orders.findByKey(key);
			if (winner.isPresent()) {
				return again(winner.get(), dossierCode, payerIp, now);
			}
			throw conflict(ProblemCode.PAYMENT_IN_PROGRESS,
					"Another payment of dossier " + due.dossierCode() + " was started at the same moment");
		}
		this.orders.move(id.get(), PaymentStatus.CREATED, PaymentStatus.PENDING, "");
		Payment p = this.orders.find(id.get()).orElseThrow();
		return new Started(p, this.gateway.redirect(p, payerIp, now));
	}

	private Started again(PaymentOrders.Row row, String dossierCode, String payerIp, Instant now) {
		Payment p = row.payment();
		if (!p.dossierCode().equals(dossierCode) || p.method() != PaymentMethod.ONLINE) {
			throw conflict(ProblemCode.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key was used for another payment");
		}
		boolean open = p.status() == PaymentStatus.PENDING && p.expiresAt().isAfter(now);
		return new Started(p, open ? this.gateway.redirect(p, payerIp, now) : null);
	}

	/**
	 * Records a payment at the counter by the finance officer of the dossier's unit: cash
	 * or transfer, with the receipt number; the dossier is told and
	 * {@link PaymentConfirmed} published. The same key again gives the same payment.
	 * @throws Problem forbidden (not the unit's finance officer), conflict (paid, or an
	 * online payment in progress), invalid (method, receipt number, key)
	 */
	@Transactional
	public Payment recordAtCounter(Actor actor, String dossierCode, PaymentMethod method, String receiptNumber,
			String idempotencyKey) {
		String key = checkKey(idempotencyKey, false);
		if (method == null || method == PaymentMethod.ONLINE) {
			throw Problem.invalid(ProblemCode.PAYMENT_INVALID, "method", "A counter payment is CASH or TRANSFER");
		}
		String receipt = receiptNumber == null ? "" : receiptNumber.strip();
		if (receipt.length() > 40 || PlainText.hasControl(receipt) || !RECEIPT.matcher(receipt).matches()) {
			throw Problem.invalid(ProblemCode.PAYMENT_INVALID, "receiptNumber",
					"The receipt number is 1 to 40 letters, digits, '.', '/', '-' or '_'");
		}
		if (key != null) {
			Optional<PaymentOrders.Row> before = this.orders.findByKey(key);
			if (before.isPresent()) {
				Payment p = before.get().payment();
				// whoever is not the finance officer of the order's unit learns nothing
				// of it
				if (!actor.can(Role.FINANCE_OFFICER, p.unitCode())) {
					throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
							"Only the unit's finance officer records counter payments", List.of());
				}
				if (!p.dossierCode().equals(dossierCode) || p.method() != method
						|| !receipt.equals(p.receiptNumber())) {
					throw conflict(ProblemCode.IDEMPOTENCY_KEY_REUSED,
							"The Idempotency-Key was used for another payment");
				}
				return p;
			}
		}
		DossierFees.FeeDue due = due(dossierCode);
		if (!actor.can(Role.FINANCE_OFFICER, due.unitCode())) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Only the unit's finance officer records counter payments", List.of());
		}
		Instant now = this.clock.instant();
		Optional<Payment> live = this.orders.live(due.dossierCode());
		if (live.isPresent()) {
			Payment p = live.get();
			if (p.status() == PaymentStatus.PAID) {
				throw conflict(ProblemCode.FEE_ALREADY_PAID, "The fee of dossier " + p.dossierCode() + " is paid");
			}
			if (p.expiresAt() == null || p.expiresAt().plus(this.grace).isAfter(now)) {
				// within its lifetime or the grace after it (an IPN may be on its way)
				throw conflict(ProblemCode.PAYMENT_IN_PROGRESS, "An online payment of dossier " + p.dossierCode()
						+ " is in progress until " + p.expiresAt().plus(this.grace));
			}
			this.orders.move(p.id(), p.status(), PaymentStatus.EXPIRED, "");
		}
		String reference = reference(now);
		Optional<Long> id = this.orders.insert(reference,
				new FeeOrder(due.dossierCode(), due.unitCode(), due.procedureCode(), due.amount()), method, null, now,
				null, key, null);
		if (id.isEmpty()) {
			throw conflict(ProblemCode.PAYMENT_IN_PROGRESS,
					"Another payment of dossier " + due.dossierCode() + " was recorded at the same moment");
		}
		this.orders.move(id.get(), PaymentStatus.CREATED, PaymentStatus.PAID,
				"paid_at = ?, receipt_number = ?, recorded_by = ?", vn.motcua.shared.Sql.utc(now), receipt,
				actor.username());
		Payment p = this.orders.find(id.get()).orElseThrow();
		confirmed(p, actor.username());
		return p;
	}

	/**
	 * Records that the money of a paid order was given back (by the finance officer of
	 * its unit, with a reason); the order no longer holds the dossier. The dossier's own
	 * record of its fee is not changed: it still says paid (a refund of a dossier still
	 * open that must be paid again is not handled yet).
	 * @throws Problem not found, forbidden, invalid (no reason), conflict (not paid)
	 */
	@Transactional
	public Payment refund(Actor actor, long id, String reason) {
		Payment p = this.orders.find(id).orElseThrow(() -> notFound(Long.toString(id)));
		if (!actor.can(Role.FINANCE_OFFICER, p.unitCode())) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Only the unit's finance officer refunds payments", List.of());
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 1000 || PlainText.hasControl(why)) {
			throw Problem.invalid(ProblemCode.PAYMENT_INVALID, "reason",
					"A refund needs a reason of 1 to 1000 characters, with no control characters");
		}
		if (p.status() != PaymentStatus.PAID || !this.orders.move(p.id(), PaymentStatus.PAID, PaymentStatus.REFUNDED,
				"refunded_at = ?, refunded_by = ?, refund_reason = ?", vn.motcua.shared.Sql.utc(this.clock.instant()),
				actor.username(), why)) {
			throw conflict(ProblemCode.PAYMENT_STATUS_CONFLICT, "Only a paid order can be refunded");
		}
		return this.orders.find(id).orElseThrow();
	}

	/** The order of the reference, for whoever holds it (the payer, the return page). */
	@Transactional(readOnly = true)
	public Optional<Payment> find(String reference) {
		return reference == null ? Optional.empty() : this.orders.findByReference(reference);
	}

	/** The orders of a dossier, oldest first. */
	@Transactional(readOnly = true)
	public List<Payment> ofDossier(String code) {
		return this.orders.ofDossier(code);
	}

	/**
	 * An order, for the officers of its unit and the administrator.
	 * @throws Problem not found (also for another unit's order)
	 */
	@Transactional(readOnly = true)
	public Payment get(Actor actor, long id) {
		return this.orders.find(id)
			.filter(p -> actor.worksAt(p.unitCode()))
			.orElseThrow(() -> notFound(Long.toString(id)));
	}

	/**
	 * The unit's orders made in the period (days in Vietnam's time), newest first, at
	 * most 1000; for its officers and the administrator.
	 */
	@Transactional(readOnly = true)
	public List<Payment> list(Actor actor, String unit, LocalDate from, LocalDate to, PaymentStatus status) {
		if (!actor.worksAt(unit)) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED, "The payments of another unit",
					List.of());
		}
		if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
			throw Problem.invalid(ProblemCode.PERIOD_INVALID, "to", "The period ends before it starts or is too long");
		}
		return this.orders.list(unit, from.atStartOfDay(VIETNAM).toInstant(),
				to.plusDays(1).atStartOfDay(VIETNAM).toInstant(), status, MAX_LIST);
	}

	/**
	 * The gateway's server-to-server callback (IPN). Nothing changes until its signature,
	 * merchant, order, amount and currency are verified; a success moves the pending
	 * order to PAID (the dossier told, {@link PaymentConfirmed} published), a failure to
	 * FAILED, each by one conditional update, so that repeated and concurrent copies make
	 * one move. An order no longer pending (paid, failed, expired, refunded) changes no
	 * more.
	 */
	@Transactional
	public IpnAnswer ipn(Map<String, String> fields) {
		Callback c = this.gateway.read(fields);
		if (!c.signed()) {
			log.warn("IPN with a wrong signature for order {}", fields.get("vnp_TxnRef"));
			return this.gateway.answer(CallbackOutcome.INVALID_SIGNATURE);
		}
		return this.gateway.answer(apply(c));
	}

	private CallbackOutcome apply(Callback c) {
		Optional<Payment> found = c.reference() == null ? Optional.empty() : this.orders.findByReference(c.reference());
		if (found.isEmpty() || found.get().method() != PaymentMethod.ONLINE
				|| !this.gateway.name().equals(found.get().gateway())) {
			return CallbackOutcome.ORDER_NOT_FOUND;
		}
		Payment p = found.get();
		if (!this.gateway.merchant().equals(c.merchant())) {
			log.warn("IPN for order {} names another merchant: {}", p.reference(), c.merchant());
			return CallbackOutcome.OTHER;
		}
		if (c.amount() == null || c.amount() != p.amount() || !p.currency().equals(c.currency())) {
			log.warn("IPN for order {} with a wrong amount: {} {}", p.reference(), c.amount(), c.currency());
			return CallbackOutcome.INVALID_AMOUNT;
		}
		if (p.status() != PaymentStatus.PENDING) {
			return CallbackOutcome.ALREADY_CONFIRMED;
		}
		Instant now = this.clock.instant();
		if (c.success()) {
			// the dossier may have been closed (withdrawn, stopped) since the start:
			// asked first, as telling a closed dossier would throw and roll the IPN
			// back forever
			boolean closed = this.fees.due(p.dossierCode()).isEmpty();
			if (!this.orders.move(p.id(), PaymentStatus.PENDING, PaymentStatus.PAID,
					"paid_at = ?, gateway_transaction_no = ?, dossier_closed = ?", vn.motcua.shared.Sql.utc(now),
					c.transactionNo(), closed)) {
				return CallbackOutcome.ALREADY_CONFIRMED;
			}
			Payment paid = this.orders.find(p.id()).orElseThrow();
			if (closed) {
				// the money was taken: recorded and receipted, not applied to the
				// dossier, flagged for the finance officer to refund
				log.warn("Payment {} of dossier {} paid online ({}) after the dossier was closed: to be refunded",
						p.reference(), p.dossierCode(), p.amount());
				published(paid);
			}
			else {
				confirmed(paid, DossierFees.SYSTEM);
			}
		}
		else if (!this.orders.move(p.id(), PaymentStatus.PENDING, PaymentStatus.FAILED, "gateway_transaction_no = ?",
				c.transactionNo())) {
			return CallbackOutcome.ALREADY_CONFIRMED;
		}
		return CallbackOutcome.CONFIRMED;
	}

	/**
	 * What the payer's return from the gateway shows: verified or not, and the order as
	 * recorded. Changes nothing (only the IPN does).
	 */
	@Transactional(readOnly = true)
	public Returned returned(Map<String, String> fields) {
		Callback c = this.gateway.read(fields);
		if (!c.signed()) {
			return new Returned(false, null, null, null, false, null, null);
		}
		Optional<Payment> p = find(c.reference());
		return new Returned(true, c.reference(), p.map(Payment::dossierCode).orElse(null),
				p.map(Payment::amount).orElse(c.amount()), c.success(), c.responseCode(),
				p.map(Payment::status).orElse(null));
	}

	private void confirmed(Payment p, String by) {
		this.fees.paid(p.dossierCode(), p.reference(), p.method().name(), p.paidAt(), by);
		published(p);
		log.info("Payment {} of dossier {} paid ({}, {}), recorded by {}", p.reference(), p.dossierCode(), p.method(),
				p.amount(), by);
	}

	/** Money was taken: the e-receipt is due whatever became of the dossier. */
	private void published(Payment p) {
		this.events.publishEvent(new PaymentConfirmed(p.id(), p.reference(), p.dossierCode(), p.unitCode(), p.amount(),
				p.method(), p.paidAt()));
	}

	private DossierFees.FeeDue due(String dossierCode) {
		if (dossierCode == null || this.dossiers.asIssued(dossierCode.strip()).isEmpty()) {
			throw Problem.notFound(ProblemCode.DOSSIER_NOT_FOUND, "dossierCode",
					"No dossier has the code " + dossierCode);
		}
		// a dossier with no fee, closed, or not received yet has none to pay now
		DossierFees.FeeDue due = this.fees.due(dossierCode)
			.orElseThrow(() -> conflict(ProblemCode.NO_FEE_DUE,
					"Dossier " + dossierCode.strip() + " has no fee to pay now (none, or closed, or not received)"));
		if (due.amount() <= 0) {
			throw conflict(ProblemCode.NO_FEE_DUE, "Dossier " + due.dossierCode() + " has no fee to pay");
		}
		if (due.paid()) {
			throw conflict(ProblemCode.FEE_ALREADY_PAID, "The fee of dossier " + due.dossierCode() + " is paid");
		}
		return due;
	}

	private static String checkKey(String key, boolean required) {
		if (key == null && !required) {
			return null;
		}
		if (key == null || !KEY.matcher(key).matches()) {
			throw Problem.invalid(ProblemCode.IDEMPOTENCY_KEY_INVALID, "Idempotency-Key",
					"The Idempotency-Key is 1 to 100 printable ASCII characters");
		}
		return key;
	}

	/** A new reference: MC, the day (yyMMdd), 8 random letters and digits. */
	private String reference(Instant now) {
		StringBuilder r = new StringBuilder("MC").append(DAY.format(now.atZone(VIETNAM)));
		for (int i = 0; i < 8; i++) {
			r.append(ALPHABET[this.random.nextInt(ALPHABET.length)]);
		}
		return r.toString();
	}

	static Problem conflict(ProblemCode code, String detail) {
		return new Problem(Problem.Kind.CONFLICT, code, detail, List.of());
	}

	static Problem notFound(String id) {
		return Problem.notFound(ProblemCode.PAYMENT_NOT_FOUND, "id", "No payment " + id);
	}

}
