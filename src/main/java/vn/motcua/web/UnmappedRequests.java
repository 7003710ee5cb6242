package vn.motcua.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import vn.motcua.shared.ProblemCode;

/**
 * A path that nothing serves, or a method it does not take: a page for a browser (under
 * any path but {@code /api/}), a problem detail with its code for the API.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnmappedRequests {

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class,
			HttpRequestMethodNotSupportedException.class })
	Object unmapped(Exception ex, HttpServletRequest request) {
		HttpStatus status = ex instanceof HttpRequestMethodNotSupportedException ? HttpStatus.METHOD_NOT_ALLOWED
				: HttpStatus.NOT_FOUND;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			ProblemCode code = status == HttpStatus.NOT_FOUND ? ProblemCode.NOT_FOUND : ProblemCode.METHOD_NOT_ALLOWED;
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
					status == HttpStatus.NOT_FOUND ? "No such path" : "The path does not take this method");
			problem.setType(URI.create("https://motcua.vn/problems/" + code.name().toLowerCase().replace('_', '-')));
			problem.setProperty("code", code.name());
			return ResponseEntity.status(status).body(problem);
		}
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		return page;
	}

}
