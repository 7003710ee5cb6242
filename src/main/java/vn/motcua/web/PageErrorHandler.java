package vn.motcua.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.motcua.shared.Problem;

/** Pages answer a missing procedure or unit with a 404 page, and other bad input with a 400 page. */
@ControllerAdvice(basePackageClasses = PageErrorHandler.class)
class PageErrorHandler {

	@ExceptionHandler
	String problem(Problem ex, Model model, jakarta.servlet.http.HttpServletResponse response) {
		boolean notFound = ex.kind() == Problem.Kind.NOT_FOUND;
		response.setStatus(notFound ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
		model.addAttribute("message", ex.getMessage());
		return notFound ? "error/404" : "error/400";
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badParameter(MethodArgumentTypeMismatchException ex, Model model) {
		model.addAttribute("message", ex.getName() + ": '" + ex.getValue() + "'");
		return "error/400";
	}

}
