package vn.motcua.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.motcua.shared.Problem;

/**
 * A problem no form of the page takes becomes the error page, with the problem's status
 * and its message in the reader's language (never the API's English detail).
 */
@ControllerAdvice(basePackageClasses = PageErrorHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorHandler {

	private final ProblemMessages messages;

	PageErrorHandler(ProblemMessages messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	String problem(Problem ex, Model model, HttpServletResponse response, Locale locale) {
		response.setStatus(ex.kind().status());
		return page(model, ex.kind().status(), this.messages.message(ex, locale));
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(MethodArgumentTypeMismatchException ex, Model model) {
		return page(model, HttpStatus.BAD_REQUEST.value(), null);
	}

	/** Two requests changed the same row at the same moment: 409, to be sent again. */
	@ExceptionHandler({ DuplicateKeyException.class, ConcurrencyFailureException.class })
	@ResponseStatus(HttpStatus.CONFLICT)
	String concurrent(RuntimeException ex, Model model, Locale locale) {
		return page(model, HttpStatus.CONFLICT.value(), this.messages.message(new Problem(Problem.Kind.CONFLICT,
				vn.motcua.shared.ProblemCode.CONCURRENT_CHANGE, ex.getMessage(), java.util.List.of()), locale));
	}

	static String page(Model model, int status, String message) {
		model.addAttribute("status", status);
		model.addAttribute("message", message);
		return "error";
	}

}
