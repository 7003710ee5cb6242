package vn.motcua.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.motcua.dossier.DossierQueries;
import vn.motcua.org.Officers;
import vn.motcua.payment.IpnAnswer;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.Payments;
import vn.motcua.payment.Reconciliations;
import vn.motcua.shared.Budget;
import vn.motcua.shared.RateLimits;

/**
 * Payments of dossiers' fees (ADR 36): the applicant starts an online payment (with the
 * four digits that prove the dossier is theirs, and an Idempotency-Key); the gateway's
 * IPN; the finance officer records counter payments and refunds, and reads the unit's
 * payments and the reconciliation's mismatches.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments", description = "Fees paid online (VNPay) or at the counter; refunds; reconciliation")
class PaymentApiController {

	record OnlineRequest(@NotBlank @Size(max = 40) String dossierCode,
			@NotBlank @Size(min = 4, max = 4) String digits) {
	}

	record StartedResponse(Payment payment, URI redirect) {
	}

	record CounterRequest(@NotBlank @Size(max = 40) String dossierCode, @NotNull PaymentMethod method,
			@NotBlank @Size(max = 40) String receiptNumber) {
	}

	record RefundRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	private final Payments payments;

	private final Reconciliations reconciliations;

	private final DossierQueries dossiers;

	private final Officers officers;

	private final RateLimits limits;

	PaymentApiController(Payments payments, Reconciliations reconciliations, DossierQueries dossiers, Officers officers,
			RateLimits limits) {
		this.payments = payments;
		this.reconciliations = reconciliations;
		this.dossiers = dossiers;
		this.officers = officers;
		this.limits = limits;
	}

	@PostMapping("/online")
	@Operation(summary = "Start an online payment of a dossier's fee (the applicant, with the four digits):"
			+ " 201 with the gateway's URL to send the payer to; the same Idempotency-Key again gives the same order")
	ResponseEntity<StartedResponse> online(@Valid @RequestBody OnlineRequest body,
			@RequestHeader(IdempotencyFilter.HEADER) String key, HttpServletRequest request) {
		this.limits.proving(Budget.LOOKUP, request.getRemoteAddr(), body.dossierCode(),
				() -> this.dossiers.lookup(body.dossierCode(), body.digits()));
		Payments.Started started = this.payments.startOnline(body.dossierCode(), key, request.getRemoteAddr());
		return ResponseEntity.created(URI.create("/api/v1/payments/" + started.payment().id()))
			.body(new StartedResponse(started.payment(), started.redirect()));
	}

	@GetMapping("/vnpay/ipn")
	@Operation(summary = "VNPay's server-to-server callback (IPN, protocol 2.1.0): answered with RspCode 00"
			+ " (confirmed), 01 (order not found), 02 (already confirmed), 04 (invalid amount), 97 (invalid"
			+ " signature) or 99; nothing changes unless signature, merchant, order, amount and currency are right")
	Map<String, String> ipn(@RequestParam Map<String, String> fields) {
		IpnAnswer answer;
		try {
			answer = this.payments.ipn(fields);
		}
		catch (RuntimeException ex) {
			// rolled back: the gateway sends the IPN again
			answer = new IpnAnswer("99", "Unknown error");
		}
		Map<String, String> json = new LinkedHashMap<>();
		json.put("RspCode", answer.rspCode());
		json.put("Message", answer.message());
		return json;
	}

	@PostMapping("/counter")
	@Operation(summary = "Record a payment at the counter, in cash or by transfer, with its receipt number"
			+ " (the unit's finance officer)")
	ResponseEntity<Payment> counter(@Valid @RequestBody CounterRequest body,
			@RequestHeader(name = IdempotencyFilter.HEADER, required = false) String key, Authentication user) {
		Payment p = this.payments.recordAtCounter(this.officers.actor(user), body.dossierCode(), body.method(),
				body.receiptNumber(), key);
		return ResponseEntity.created(URI.create("/api/v1/payments/" + p.id())).body(p);
	}

	@PostMapping("/{id}/refund")
	@Operation(summary = "Record that a paid payment was refunded, with the reason (the unit's finance officer)")
	Payment refund(@PathVariable long id, @Valid @RequestBody RefundRequest body, Authentication user) {
		return this.payments.refund(this.officers.actor(user), id, body.reason());
	}

	@GetMapping
	@Operation(summary = "The unit's payments made in the period (days in Vietnam's time), newest first, at most 1000")
	List<Payment> list(@RequestParam String unit, @RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(required = false) PaymentStatus status, Authentication user) {
		return this.payments.list(this.officers.actor(user), unit, from, to, status);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A payment (the officers of its unit)")
	Payment get(@PathVariable long id, Authentication user) {
		return this.payments.get(this.officers.actor(user), id);
	}

	@GetMapping("/reconciliation")
	@Operation(summary = "The mismatches the day's reconciliation with the gateway found at the unit")
	List<Reconciliations.Mismatch> reconciliation(@RequestParam String unit,
			@Parameter(description = "The day reconciled (the orders made that day)") @RequestParam LocalDate day,
			Authentication user) {
		return this.reconciliations.report(this.officers.actor(user), unit, day);
	}

}
