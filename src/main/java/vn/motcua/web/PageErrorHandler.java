package vn.motcua.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.motcua.shared.Problem;

/**
 * Pages answer a missing procedure or unit with a 404 page, and other bad input with a
 * 400 page.
 */
@ControllerAdvice(basePackageClasses = PageErrorHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorHandler {

	@ExceptionHandler
	String problem(Problem ex, Model model, HttpServletResponse response) {
		HttpStatus status = ex.kind() == Problem.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
		response.setStatus(status.value());
		return page(model, status, ex.getMessage());
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(MethodArgumentTypeMismatchException ex, Model model) {
		return page(model, HttpStatus.BAD_REQUEST, ex.getName() + ": '" + ex.getValue() + "'");
	}

	private static String page(Model model, HttpStatus status, String message) {
		model.addAttribute("status", status.value());
		model.addAttribute("message", message);
		return "error";
	}

}
