package vn.motcua.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.motcua.payment.Payments;

/**
 * Where the gateway sends the payer back (VNPay's return URL): the fields are verified
 * and the order shown as recorded; nothing changes here, only the IPN moves an order (ADR
 * 36).
 */
@Controller
class PaymentReturnPageController {

	private final Payments payments;

	PaymentReturnPageController(Payments payments) {
		this.payments = payments;
	}

	@GetMapping("/thanh-toan/vnpay/ket-qua")
	String returned(@RequestParam Map<String, String> fields, Model model) {
		model.addAttribute("result", this.payments.returned(fields));
		return "payment/return";
	}

}
