package vn.motcua.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentMethod;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.Payments;
import vn.motcua.payment.Reconciliations;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The finance officer's pages (Thu phí, lệ phí): the unit's payments of a period by
 * status, a payment recorded at the counter (cash or transfer, with the receipt number),
 * a refund with its reason, the reconciliation of a day; each list exportable to XLSX.
 * For the unit's finance officers only; the rules live in {@link Payments} and
 * {@link Reconciliations}, which check the role again.
 */
@Controller
class FinancePageController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final List<String> COUNTER_INPUTS = List.of("dossierCode", "method", "receiptNumber");

	private final Payments payments;

	private final Reconciliations reconciliations;

	private final Officers officers;

	private final ProblemMessages problems;

	private final Clock clock;

	FinancePageController(Payments payments, Reconciliations reconciliations, Officers officers,
			ProblemMessages problems, Clock clock) {
		this.payments = payments;
		this.reconciliations = reconciliations;
		this.officers = officers;
		this.problems = problems;
		this.clock = clock;
	}

	/** The period and status the list shows; the last 30 days by default. */
	record Filter(LocalDate from, LocalDate to, PaymentStatus status) {
	}

	@GetMapping("/can-bo/thu-phi")
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) PaymentStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Authentication user, Model model, Locale locale, HttpServletResponse response) {
		Actor actor = financeOfficer(user);
		if (!page(actor, filter(from, to, status), day, model, locale)) {
			response.setStatus(400);
		}
		model.addAttribute("counter", new CounterForm(null, PaymentMethod.CASH, null, UUID.randomUUID().toString()));
		return "finance/payments";
	}

	@GetMapping("/can-bo/thu-phi/xuat")
	ResponseEntity<byte[]> export(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) PaymentStatus status, Authentication user) {
		Actor actor = financeOfficer(user);
		Filter f = filter(from, to, status);
		List<Payment> rows = this.payments.list(actor, actor.unitCode(), f.from(), f.to(), f.status());
		return xlsx("thu-phi-" + actor.unitCode() + "-" + f.from() + "-" + f.to() + ".xlsx",
				PaymentSheets.payments(rows));
	}

	@GetMapping("/can-bo/thu-phi/doi-soat/xuat")
	ResponseEntity<byte[]> exportReconciliation(
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Authentication user) {
		Actor actor = financeOfficer(user);
		return xlsx("doi-soat-" + actor.unitCode() + "-" + day + ".xlsx",
				PaymentSheets.mismatches(this.reconciliations.report(actor, actor.unitCode(), day)));
	}

	/** What the counter payment form holds, kept when it comes back with errors. */
	record CounterForm(String dossierCode, PaymentMethod method, String receiptNumber, String key) {
	}

	/**
	 * A payment at the counter: the list with a notice, or the form again with the errors
	 * beside their fields and what was typed kept (the same key, so that sending it again
	 * makes one payment).
	 */
	@PostMapping("/can-bo/thu-phi/tai-quay")
	String counter(@RequestParam(required = false) String dossierCode,
			@RequestParam(required = false) PaymentMethod method, @RequestParam(required = false) String receiptNumber,
			@RequestParam(required = false) String key, Authentication user, Model model, Locale locale,
			HttpServletResponse response) {
		Actor actor = financeOfficer(user);
		String code = dossierCode == null ? "" : dossierCode.strip();
		try {
			if (code.isEmpty()) {
				throw Problem.invalid(ProblemCode.PAYMENT_INVALID, "dossierCode", "The dossier's code");
			}
			Payment p = this.payments.recordAtCounter(actor, code, method, receiptNumber, key);
			return "redirect:" + UriComponentsBuilder.fromPath("/can-bo/thu-phi")
				.queryParam("recorded", p.reference())
				.encode()
				.toUriString();
		}
		catch (Problem ex) {
			response.setStatus(ex.kind() == Problem.Kind.NOT_FOUND ? 422 : ex.kind().status());
			model.addAttribute("counterErrors", this.problems.errors(ex, locale, "counterPayment", COUNTER_INPUTS,
					Map.of("dossierCode", "dossierCode", "method", "method", "receiptNumber", "receiptNumber")));
			model.addAttribute("counter", new CounterForm(dossierCode, method, receiptNumber, key));
			page(actor, filter(null, null, null), null, model, locale);
			return "finance/payments";
		}
	}

	/** A refund with its reason: the list with a notice, or with the error beside it. */
	@PostMapping("/can-bo/thu-phi/{id}/hoan-tien")
	String refund(@PathVariable long id, @RequestParam(required = false) String reason, Authentication user,
			Model model, Locale locale, HttpServletResponse response) {
		Actor actor = financeOfficer(user);
		try {
			Payment p = this.payments.refund(actor, id, reason);
			return "redirect:" + UriComponentsBuilder.fromPath("/can-bo/thu-phi")
				.queryParam("refunded", p.reference())
				.encode()
				.toUriString();
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			model.addAttribute("refundId", id);
			model.addAttribute("refundReason", reason);
			model.addAttribute("refundErrors",
					this.problems.errors(ex, locale, "refund", List.of("reason"), Map.of("reason", "reason")));
			model.addAttribute("counter",
					new CounterForm(null, PaymentMethod.CASH, null, UUID.randomUUID().toString()));
			page(actor, filter(null, null, null), null, model, locale);
			return "finance/payments";
		}
	}

	/**
	 * The page's model; a period that ends before it starts or is too long: no payments,
	 * the error beside the period's fields, the dates kept.
	 * @return whether the period was right
	 */
	private boolean page(Actor actor, Filter f, LocalDate day, Model model, Locale locale) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), VIETNAM);
		LocalDate reconciled = day == null ? today.minusDays(1) : day;
		model.addAttribute("filter", f);
		model.addAttribute("statuses", PaymentStatus.values());
		model.addAttribute("methods", List.of(PaymentMethod.CASH, PaymentMethod.TRANSFER));
		boolean right = true;
		try {
			model.addAttribute("payments", this.payments.list(actor, actor.unitCode(), f.from(), f.to(), f.status()));
		}
		catch (Problem ex) {
			if (!ProblemCode.PERIOD_INVALID.name().equals(ex.code())) {
				throw ex;
			}
			right = false;
			model.addAttribute("payments", List.of());
			model.addAttribute("periodErrors",
					this.problems.errors(ex, locale, "financePeriod", List.of("from", "to"), Map.of()));
		}
		model.addAttribute("day", reconciled);
		model.addAttribute("mismatches", this.reconciliations.report(actor, actor.unitCode(), reconciled));
		model.addAttribute("fmt", new Formats.Bound(locale));
		return right;
	}

	private Filter filter(LocalDate from, LocalDate to, PaymentStatus status) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), VIETNAM);
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null ? end.minusDays(30) : from;
		return new Filter(start, end, status);
	}

	private Actor financeOfficer(Authentication user) {
		Actor actor = this.officers.actor(user);
		if (actor.unitCode() == null || !actor.can(Role.FINANCE_OFFICER, actor.unitCode())) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED, "For the unit's finance officers",
					List.of());
		}
		return actor;
	}

	private static ResponseEntity<byte[]> xlsx(String filename, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(filename, java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content);
	}

}
