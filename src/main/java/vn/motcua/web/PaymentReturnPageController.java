package vn.motcua.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.forms.IssuedDocuments;
import vn.motcua.payment.Payment;
import vn.motcua.payment.PaymentStatus;
import vn.motcua.payment.Payments;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Where the gateway sends the payer back (VNPay's return URL): the fields are verified
 * and the order shown as recorded; nothing changes here, only the IPN moves an order (ADR
 * 36). Once the order is paid and its e-receipt issued, the page offers it: the signed
 * return fields, which only the payer holds, are the proof, checked again at the download
 * (ADR 38). The link is a bearer proof that stays in browser histories and logs, so it
 * serves the e-receipt only for {@link #RECEIPT_LINK_LIFETIME} after the payment
 * ({@code vnp_PayDate}, signed); later the page tells the payer to download it from the
 * look-up (the code and the ID number's last four digits).
 */
@Controller
class PaymentReturnPageController {

	static final Duration RECEIPT_LINK_LIFETIME = Duration.ofHours(24);

	/** VNPay's times: yyyyMMddHHmmss, GMT+7. */
	private static final DateTimeFormatter PAY_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private final Payments payments;

	private final IssuedDocuments issued;

	private final Clock clock;

	PaymentReturnPageController(Payments payments, IssuedDocuments issued, Clock clock) {
		this.payments = payments;
		this.issued = issued;
		this.clock = clock;
	}

	/** The e-receipt asked for through the return link after its time. */
	static class ReceiptLinkExpired extends RuntimeException {

		private final transient Payments.Returned result;

		ReceiptLinkExpired(Payments.Returned result) {
			super("The return link no longer gives the e-receipt", null, false, false);
			this.result = result;
		}

	}

	@GetMapping("/thanh-toan/vnpay/ket-qua")
	String returned(@RequestParam Map<String, String> fields, HttpServletRequest request, Model model) {
		Payments.Returned result = this.payments.returned(fields);
		model.addAttribute("result", result);
		paid(result).flatMap(p -> this.issued.eReceipt(p.id())).ifPresent(doc -> {
			if (receiptLinkValid(fields)) {
				model.addAttribute("receiptLink", "/thanh-toan/vnpay/bien-lai?" + request.getQueryString());
			}
			else {
				model.addAttribute("receiptExpired", true);
			}
		});
		return "payment/return";
	}

	/** The e-receipt of the order the signed return fields name, once paid and issued. */
	@GetMapping("/thanh-toan/vnpay/bien-lai")
	ResponseEntity<InputStreamResource> receipt(@RequestParam Map<String, String> fields) {
		Payments.Returned result = this.payments.returned(fields);
		Optional<Payment> paid = paid(result);
		if (paid.isPresent() && !receiptLinkValid(fields)) {
			throw new ReceiptLinkExpired(result);
		}
		return paid.flatMap(p -> this.issued.openEReceipt(p.id()))
			.map(content -> DocumentPageController.pdf(content, true))
			.orElseThrow(() -> Problem.notFound(ProblemCode.NOT_FOUND, "receipt", "No e-receipt for this payment"));
	}

	@ExceptionHandler(ReceiptLinkExpired.class)
	ModelAndView receiptLinkExpired(ReceiptLinkExpired ex) {
		ModelAndView page = new ModelAndView("payment/return", HttpStatus.NOT_FOUND);
		page.addObject("result", ex.result);
		page.addObject("receiptExpired", true);
		return page;
	}

	/**
	 * Whether the return link may still give the e-receipt: paid ({@code vnp_PayDate},
	 * verified with the other fields) at most {@link #RECEIPT_LINK_LIFETIME} ago.
	 */
	private boolean receiptLinkValid(Map<String, String> fields) {
		String payDate = fields.get("vnp_PayDate");
		if (payDate == null) {
			return false;
		}
		Instant paidAt;
		try {
			paidAt = LocalDateTime.parse(payDate, PAY_DATE).toInstant(ZoneOffset.ofHours(7));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
		Instant now = this.clock.instant();
		return !paidAt.isBefore(now.minus(RECEIPT_LINK_LIFETIME)) && !paidAt.isAfter(now.plus(Duration.ofMinutes(5)));
	}

	private Optional<Payment> paid(Payments.Returned result) {
		if (!result.verified() || result.status() != PaymentStatus.PAID) {
			return Optional.empty();
		}
		return this.payments.find(result.reference()).filter(p -> p.status() == PaymentStatus.PAID);
	}

}
