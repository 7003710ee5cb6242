package vn.motcua.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import vn.motcua.shared.Budget;
import vn.motcua.shared.Problem;
import vn.motcua.shared.RateLimited;
import vn.motcua.shared.RateLimits;
import vn.motcua.signing.SignatureValidation;

/**
 * The public page that checks a signed PDF (ADR 34): anyone may check a paper they were
 * given. It shows DSS's simple report in Vietnamese words: valid or not, who signed,
 * when, whether the document was changed after signing, and the certificate chain. The
 * file is kept nowhere; checks are limited per client address (ADR 17).
 */
@Controller
class SignatureCheckPageController {

	static final String PATH = "/kiem-tra-chu-ky";

	private final SignatureValidation validation;

	private final RateLimits limits;

	private final MessageSource messages;

	private final ProblemMessages problems;

	SignatureCheckPageController(SignatureValidation validation, RateLimits limits, MessageSource messages,
			ProblemMessages problems) {
		this.validation = validation;
		this.limits = limits;
		this.messages = messages;
		this.problems = problems;
	}

	@GetMapping(PATH)
	String form(Model model, Locale locale) {
		model.addAttribute("fmt", new Formats.Bound(locale));
		return "signatures/check";
	}

	@PostMapping(PATH)
	String check(@RequestParam(required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		model.addAttribute("fmt", new Formats.Bound(locale));
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors",
					FormErrors.of("file", this.messages.getMessage("signatures.fileRequired", null, locale)));
			return "signatures/check";
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		try {
			this.limits.acquire(Budget.SIGNATURE_CHECK, request.getRemoteAddr());
			try (InputStream in = file.getInputStream()) {
				model.addAttribute("report", this.validation.validate(in));
			}
		}
		catch (RateLimited ex) {
			RateLimitPages.refuse(ex, response, model, this.messages, locale);
		}
		catch (Problem ex) {
			response.setStatus(ex.kind().status());
			model.addAttribute("errors", FormErrors.of("file", this.problems.message(ex, locale)));
		}
		catch (IOException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("errors",
					FormErrors.of("file", this.messages.getMessage("problem.PDF_INVALID", null, locale)));
		}
		return "signatures/check";
	}

}
