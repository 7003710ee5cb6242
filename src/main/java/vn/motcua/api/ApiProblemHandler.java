package vn.motcua.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import tools.jackson.core.JacksonException;
import vn.motcua.shared.BodyTooLarge;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.RateLimited;
import vn.motcua.shared.SensibleTime;
import vn.motcua.shared.Problem.Violation;

/**
 * Turns every failure of the REST API into an RFC 9457 problem detail with a stable
 * {@code code} and, where input was wrong, {@code errors}: the fields (and lines, for
 * imports) at fault and why.
 */
@RestControllerAdvice(basePackageClasses = ApiProblemHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	static ProblemDetail problem(HttpStatusCode status, ProblemCode code, String detail, List<Violation> errors) {
		return problem(status, code.name(), detail, errors);
	}

	private static ProblemDetail problem(HttpStatusCode status, String code, String detail, List<Violation> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://motcua.vn/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(code.charAt(0) + code.substring(1).toLowerCase(Locale.ROOT).replace('_', ' '));
		problem.setProperty("code", code);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors.stream().map(ApiProblemHandler::error).toList());
		}
		return problem;
	}

	private static Map<String, Object> error(Violation v) {
		return v.line() == null ? Map.of("field", v.field(), "reason", v.reason())
				: Map.of("line", v.line(), "field", v.field(), "reason", v.reason());
	}

	@ExceptionHandler
	ProblemDetail domain(Problem ex) {
		HttpStatus status = HttpStatus.valueOf(ex.kind().status());
		ProblemDetail problem = problem(status, ex.code(), ex.getMessage(), ex.violations());
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	/** A used-up budget: 429 with {@code Retry-After} in seconds (ADR 17). */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> rateLimited(RateLimited ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds())
			.body(domain(ex));
	}

	/**
	 * A multipart body over the limits its parts follow (twice the per-file limit, ADR
	 * 32): 413, naming the body, nothing of it kept.
	 */
	@ExceptionHandler
	ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemCode.FILE_TOO_LARGE,
				"The upload is larger than the server takes", List.of(Violation.of("file", "too large")));
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		String expected = ex.getRequiredType() == null ? "a valid value"
				: ex.getRequiredType().isEnum() ? "one of " + List.of(ex.getRequiredType().getEnumConstants())
						: "a " + ex.getRequiredType().getSimpleName();
		String reason = "'" + ex.getValue() + "' is not " + expected;
		return problem(HttpStatus.BAD_REQUEST, ProblemCode.INVALID_PARAMETER, ex.getName() + ": " + reason,
				List.of(Violation.of(ex.getName(), reason)));
	}

	@ExceptionHandler
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return problem(HttpStatus.BAD_REQUEST, ProblemCode.MISSING_PARAMETER, ex.getParameterName() + " is required",
				List.of(Violation.of(ex.getParameterName(), "is required")));
	}

	@ExceptionHandler
	ProblemDetail missingPart(MissingServletRequestPartException ex) {
		return problem(HttpStatus.BAD_REQUEST, ProblemCode.MISSING_PARAMETER, ex.getRequestPartName() + " is required",
				List.of(Violation.of(ex.getRequestPartName(), "is required")));
	}

	@ExceptionHandler
	ProblemDetail invalidBody(MethodArgumentNotValidException ex) {
		List<Violation> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiProblemHandler::violation)
			.toList();
		return problem(HttpStatus.BAD_REQUEST, ProblemCode.INVALID_REQUEST, "The request has invalid fields", errors);
	}

	private static Violation violation(FieldError e) {
		return Violation.of(e.getField(), e.getDefaultMessage());
	}

	@ExceptionHandler
	ProblemDetail invalidParameters(HandlerMethodValidationException ex) {
		List<Violation> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(e -> Violation.of(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, ProblemCode.INVALID_PARAMETER, "The request has invalid parameters",
				errors);
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (BodyTooLarge.in(ex)) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemCode.CONTENT_TOO_LARGE,
					ex.getMostSpecificCause().getMessage(),
					List.of(Violation.of("body", "is larger than this endpoint takes")));
		}
		String field = "body";
		String reason = "is not readable JSON";
		JacksonException jackson = null;
		for (Throwable t = ex.getCause(); t != null && jackson == null; t = t.getCause()) {
			jackson = t instanceof JacksonException j ? j : null;
		}
		if (jackson != null) {
			String path = path(jackson);
			if (!path.isEmpty()) {
				field = path;
				String message = jackson.getOriginalMessage();
				reason = message.contains(ApiJson.CONTROL_CHARACTER) ? ApiJson.CONTROL_CHARACTER
						: message.contains(SensibleTime.REASON) ? SensibleTime.REASON
								: jackson instanceof tools.jackson.databind.exc.InvalidNullException ? "may not be null"
										: "has a value of the wrong type or format";
			}
			else {
				reason = "is not valid JSON: " + jackson.getOriginalMessage();
			}
		}
		return problem(HttpStatus.BAD_REQUEST, ProblemCode.UNREADABLE_BODY, field + " " + reason,
				List.of(Violation.of(field, reason)));
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	@ExceptionHandler
	ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
				"Content type " + ex.getContentType() + " is not supported; use one of " + ex.getSupportedMediaTypes(),
				List.of(Violation.of("Content-Type", "must be one of " + ex.getSupportedMediaTypes())));
	}

	/**
	 * Two requests that changed the same row at the same moment (a unique key, a lock, a
	 * serialization failure) where no rule names the conflict: 409, to be sent again.
	 */
	@ExceptionHandler({ DuplicateKeyException.class, ConcurrencyFailureException.class })
	ProblemDetail concurrent(RuntimeException ex) {
		log.info("A concurrent change refused a request: {}", ex.getMessage());
		return problem(HttpStatus.CONFLICT, ProblemCode.CONCURRENT_CHANGE,
				"Another request changed the same thing at the same moment; send this one again", List.of());
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex) {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw (RuntimeException) ex;
		}
		if (ex instanceof ErrorResponse framework) {
			// Spring's own 4xx and 5xx (no such path, method not allowed, …), with their
			// status
			ProblemCode code = frameworkCode(framework.getStatusCode());
			String detail = framework.getBody().getDetail();
			return problem(framework.getStatusCode(), code, detail != null ? detail : code.name(), List.of());
		}
		log.error("Unexpected failure of an API call", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemCode.INTERNAL_ERROR,
				"Something went wrong on our side; nothing was changed by this request", List.of());
	}

	/**
	 * The code of one of Spring's own errors: named after its status, for the statuses
	 * Spring MVC's exceptions carry; {@link ProblemCode#ERROR} for any other.
	 */
	static ProblemCode frameworkCode(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> ProblemCode.BAD_REQUEST;
			case 404 -> ProblemCode.NOT_FOUND;
			case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
			case 406 -> ProblemCode.NOT_ACCEPTABLE;
			case 413 -> ProblemCode.CONTENT_TOO_LARGE;
			case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
			case 500 -> ProblemCode.INTERNAL_SERVER_ERROR;
			case 503 -> ProblemCode.SERVICE_UNAVAILABLE;
			default -> ProblemCode.ERROR;
		};
	}

}
