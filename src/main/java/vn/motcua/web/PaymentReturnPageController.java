package vn.motcua.web;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
 * (ADR 38).
 */
@Controller
class PaymentReturnPageController {

	private final Payments payments;

	private final IssuedDocuments issued;

	PaymentReturnPageController(Payments payments, IssuedDocuments issued) {
		this.payments = payments;
		this.issued = issued;
	}

	@GetMapping("/thanh-toan/vnpay/ket-qua")
	String returned(@RequestParam Map<String, String> fields, HttpServletRequest request, Model model) {
		Payments.Returned result = this.payments.returned(fields);
		model.addAttribute("result", result);
		paid(result).flatMap(p -> this.issued.eReceipt(p.id()))
			.ifPresent(
					doc -> model.addAttribute("receiptLink", "/thanh-toan/vnpay/bien-lai?" + request.getQueryString()));
		return "payment/return";
	}

	/** The e-receipt of the order the signed return fields name, once paid and issued. */
	@GetMapping("/thanh-toan/vnpay/bien-lai")
	ResponseEntity<InputStreamResource> receipt(@RequestParam Map<String, String> fields) {
		return paid(this.payments.returned(fields)).flatMap(p -> this.issued.openEReceipt(p.id()))
			.map(content -> DocumentPageController.pdf(content, true))
			.orElseThrow(() -> Problem.notFound(ProblemCode.NOT_FOUND, "receipt", "No e-receipt for this payment"));
	}

	private Optional<Payment> paid(Payments.Returned result) {
		if (!result.verified() || result.status() != PaymentStatus.PAID) {
			return Optional.empty();
		}
		return this.payments.find(result.reference()).filter(p -> p.status() == PaymentStatus.PAID);
	}

}
