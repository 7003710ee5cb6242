package vn.motcua.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.shared.Problem.Violation;
import vn.motcua.shared.BodyTooLarge;
import vn.motcua.shared.ProblemCode;

/**
 * Makes every {@code POST} of the API safe to retry when it carries an
 * {@code Idempotency-Key} header (ADR 25): the first request with a key runs in one
 * transaction that also keeps its answer (status, body, {@code Location}); a retry with
 * the same key and the same request (method, path and body) gets that answer again, with
 * {@code Idempotent-Replayed: true}, and changes nothing. The same key with another
 * request is a 422; a retry while the first request still runs, a 409. Failures (4xx,
 * 5xx) are not kept: they changed nothing, and a retry runs the request again. It runs
 * after Spring Security, so the key is the signed-in caller's; an anonymous request's key
 * is ignored (there is no caller to keep it for). JSON and raw bodies only, at most
 * {@code motcua.idempotency.max-body} (1 MB), since the body is read whole to be hashed.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,100}");

	private static final int MAX_PRINCIPAL = 200;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	private final IdempotentRequests requests;

	private final PlatformTransactionManager transactions;

	private final long maxBody;

	IdempotencyFilter(IdempotentRequests requests, PlatformTransactionManager transactions, long maxBody) {
		this.requests = requests;
		this.transactions = transactions;
		this.maxBody = maxBody;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (!KEY.matcher(key).matches() || key.isBlank()) {
			problem(request, response, HttpStatus.BAD_REQUEST, ProblemCode.IDEMPOTENCY_KEY_INVALID,
					"must be 1 to 100 printable ASCII characters");
			return;
		}
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
		if (type.startsWith("multipart/") || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			problem(request, response, HttpStatus.BAD_REQUEST, ProblemCode.IDEMPOTENCY_KEY_INVALID,
					"is taken with JSON and raw bodies only, not with multipart or form bodies");
			return;
		}
		byte[] body;
		try {
			body = request.getContentLengthLong() > this.maxBody ? null : read(request.getInputStream());
		}
		catch (BodyTooLarge ex) {
			// a body sent in chunks past its endpoint's limit (ADR 21)
			body = null;
		}
		if (body == null) {
			problem(request, response, HttpStatus.CONTENT_TOO_LARGE, ProblemCode.CONTENT_TOO_LARGE,
					"a request with an Idempotency-Key has a body of at most " + this.maxBody + " bytes");
			return;
		}
		String principal = principal(user.getName());
		IdempotentRequests.Claim claim = this.requests.claim(principal, key, hash(request, body));
		if (claim instanceof IdempotentRequests.Replay replay) {
			replay(replay.answer(), response);
		}
		else if (claim instanceof IdempotentRequests.Mismatch) {
			problem(request, response, HttpStatus.UNPROCESSABLE_CONTENT, ProblemCode.IDEMPOTENCY_KEY_REUSED,
					"was used before for a different request (method, path or body)");
		}
		else if (claim instanceof IdempotentRequests.Owned owned) {
			run(new CachedBody(request, body), response, chain, principal, key, owned.owner());
		}
		else {
			problem(request, response, HttpStatus.CONFLICT, ProblemCode.IDEMPOTENCY_KEY_IN_PROGRESS,
					"a request with this key is still being carried out; retry a little later for its answer");
		}
	}

	/**
	 * Runs the request in a transaction that keeps its answer when it succeeds, so that a
	 * change is never committed without its answer.
	 */
	private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String principal,
			String key, String owner) throws ServletException, IOException {
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		TransactionStatus transaction = this.transactions.getTransaction(TransactionDefinition.withDefaults());
		try {
			chain.doFilter(request, captured);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			this.transactions.rollback(transaction);
			this.requests.release(principal, key, owner);
			throw ex;
		}
		int status = captured.getStatus();
		if (status < 200 || status >= 300 || transaction.isRollbackOnly()) {
			this.transactions.rollback(transaction);
			this.requests.release(principal, key, owner);
			captured.copyBodyToResponse();
			return;
		}
		try {
			IdempotentRequests.Answer answer = new IdempotentRequests.Answer(status, captured.getContentType(),
					captured.getHeader(HttpHeaders.LOCATION), text(captured));
			if (!this.requests.complete(principal, key, owner, answer)) {
				// the claim's lease passed and a retry took the key over: it makes the
				// change, not this request
				this.transactions.rollback(transaction);
				response.reset();
				problem(request, response, HttpStatus.CONFLICT, ProblemCode.IDEMPOTENCY_KEY_IN_PROGRESS,
						"took too long and a retry with this key is being carried out; retry a little later for its answer");
				return;
			}
		}
		catch (RuntimeException ex) {
			this.transactions.rollback(transaction);
			this.requests.release(principal, key, owner);
			throw ex;
		}
		try {
			this.transactions.commit(transaction);
		}
		catch (RuntimeException ex) {
			log.error("Could not commit a request with an Idempotency-Key", ex);
			this.requests.release(principal, key, owner);
			response.reset();
			problem(request, response, HttpStatus.INTERNAL_SERVER_ERROR, ProblemCode.INTERNAL_ERROR,
					"Something went wrong on our side; nothing was changed by this request");
			return;
		}
		captured.copyBodyToResponse();
	}

	/**
	 * The answer's body as text in the charset its content type names, else UTF-8 (JSON's
	 * encoding, which Spring writes without naming it): not the response's character
	 * encoding, which Tomcat reports as ISO-8859-1 for {@code application/json}.
	 */
	private static String text(ContentCachingResponseWrapper captured) {
		return new String(captured.getContentAsByteArray(), charset(captured.getContentType()));
	}

	private static java.nio.charset.Charset charset(String contentType) {
		try {
			java.nio.charset.Charset named = contentType == null ? null
					: MediaType.parseMediaType(contentType).getCharset();
			return named != null ? named : StandardCharsets.UTF_8;
		}
		catch (RuntimeException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private static void replay(IdempotentRequests.Answer answer, HttpServletResponse response) throws IOException {
		response.setStatus(answer.status());
		response.setHeader(REPLAYED, "true");
		if (answer.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, answer.location());
		}
		byte[] body = answer.body() == null ? new byte[0] : answer.body().getBytes(charset(answer.contentType()));
		if (answer.contentType() != null) {
			response.setContentType(answer.contentType());
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The body, or null when it is longer than the limit. */
	private byte[] read(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
			if (out.size() + n > this.maxBody) {
				return null;
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	/** The request as the key is checked against: method, path, query and body. */
	static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String query = request.getQueryString();
			digest.update(
					(request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query) + "\n")
						.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The caller as kept: the username, hashed if it is longer than the column. */
	private static String principal(String name) {
		if (name.length() <= MAX_PRINCIPAL) {
			return name;
		}
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			ProblemCode code, String reason) throws IOException {
		String field = code == ProblemCode.CONTENT_TOO_LARGE || code == ProblemCode.INTERNAL_ERROR ? "body" : HEADER;
		ProblemDetail problem = ApiProblemHandler.problem(status, code,
				code == ProblemCode.INTERNAL_ERROR ? reason : field + " " + reason,
				code == ProblemCode.INTERNAL_ERROR ? List.of() : List.of(Violation.of(field, reason)));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", problem.getType().toString());
		json.put("title", problem.getTitle());
		json.put("status", problem.getStatus());
		json.put("detail", problem.getDetail());
		json.put("instance", request.getRequestURI());
		if (problem.getProperties() != null) {
			json.putAll(problem.getProperties());
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(JSON.writeValueAsBytes(json));
	}

	/** The request with its body read already, for the controllers to read again. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("no asynchronous reads");
				}

			};
		}

		@Override
		public java.io.BufferedReader getReader() throws UnsupportedEncodingException {
			String charset = getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(this.body),
					charset == null ? "UTF-8" : charset));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
