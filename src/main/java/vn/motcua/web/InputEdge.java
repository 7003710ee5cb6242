package vn.motcua.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.motcua.shared.BodyTooLarge;
import vn.motcua.shared.PlainText;
import vn.motcua.shared.ProblemCode;

/**
 * The edge every request passes before anything reads it (issue 10, ADR 21): a body
 * larger than its endpoint takes is refused with 413 before it is read (by its declared
 * length, or, sent in chunks, as soon as it passes the limit). A parameter holding a
 * control character (U+0000 above all, which PostgreSQL refuses in text, even in a
 * look-up) is refused with 400 when it names something to look up (a unit, a procedure, a
 * dossier code…) or is sent to the API; a search text read with GET has its control
 * characters taken out; the pages' forms check their text fields themselves, to answer
 * beside the field with the input kept. The API answers problem details; the pages,
 * Vietnamese error pages. JSON bodies are checked by the API's reader (control
 * characters, null list items, dates), and file contents by their import.
 */
class InputEdge extends OncePerRequestFilter implements Ordered {

	/** Bodies other than uploads (JSON, forms): a request to the API or a page. */
	static final long DEFAULT_LIMIT = 1024 * 1024;

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	/**
	 * Parameters that name something to look up (a unit, a procedure, a dossier, an
	 * officer, a pending submission): a control character in one is refused everywhere,
	 * before any query.
	 */
	private static final Set<String> IDENTIFIERS = Set.of("unit", "unitCode", "parent", "parentCode", "procedure",
			"code", "digits", "pendingId", "assignee", "username", "field", "idNumber", "status", "channel", "level");

	/**
	 * Limits per endpoint, the first that matches; multipart uploads are bounded by the
	 * multipart settings ({@code spring.servlet.multipart.*}) instead.
	 */
	private static final List<Map.Entry<String, Long>> LIMITS = List.of(
			Map.entry("/api/v1/lookup/*/rating", 16L * 1024), Map.entry("/tra-cuu/danh-gia", 16L * 1024),
			Map.entry("/api/v1/procedures/import", 20L * 1024 * 1024),
			Map.entry("/api/v1/calendar/*/import", 2L * 1024 * 1024),
			Map.entry("/api/v1/history-imports", vn.motcua.history.HistoryImports.MAX_BYTES),
			Map.entry("/api/v1/signatures/validation", (long) vn.motcua.signing.SignatureValidation.MAX_BYTES));

	@Override
	public int getOrder() {
		// after the character encoding filter, before security
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	/**
	 * Whether the endpoint takes no files but has a limit below the form's: a multipart
	 * body there would pass the limit unread (the multipart limits are larger).
	 */
	private static boolean takesNoUploads(HttpServletRequest request) {
		return limit(request) < DEFAULT_LIMIT;
	}

	/** Whether the endpoint reads its body as a file, streamed: a history import. */
	static boolean takesTheBodyAsAFile(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && PATHS.match("/api/v1/history-imports",
				request.getRequestURI().substring(request.getContextPath().length()));
	}

	static long limit(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (Map.Entry<String, Long> limit : LIMITS) {
			if (PATHS.match(limit.getKey(), path)) {
				return limit.getValue();
			}
		}
		return DEFAULT_LIMIT;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean multipart = request.getContentType() != null
				&& request.getContentType().toLowerCase().startsWith("multipart/");
		HttpServletRequest checked = request;
		if (takesTheBodyAsAFile(request) && request.getContentType() != null && (multipart
				|| request.getContentType().toLowerCase().startsWith("application/x-www-form-urlencoded"))) {
			// a form's body would be read as its parameters before the file is
			refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type", "send the file itself as the body: application/x-ndjson or text/csv");
			return;
		}
		if (multipart && takesNoUploads(request)) {
			refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ProblemCode.UNSUPPORTED_MEDIA_TYPE,
					"Content-Type", "must not be multipart here: this endpoint takes no files");
			return;
		}
		if (!multipart) {
			long limit = limit(request);
			if (request.getContentLengthLong() > limit) {
				refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
						ProblemCode.CONTENT_TOO_LARGE, "body",
						"is larger than this endpoint takes (" + limit + " bytes)");
				return;
			}
			checked = new Limited(request, limit);
		}
		Map<String, String[]> parameters;
		try {
			parameters = checked.getParameterMap();
		}
		catch (RuntimeException ex) {
			// a malformed or too large multipart body: Spring MVC answers it
			chain.doFilter(checked, response);
			return;
		}
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		boolean page = !api(request);
		Map<String, String[]> stripped = null;
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			boolean control = PlainText.hasControl(name);
			for (String value : parameter.getValue()) {
				control |= PlainText.hasControl(value);
			}
			if (!control) {
				continue;
			}
			if (IDENTIFIERS.contains(name) || PlainText.hasControl(name) || (!read && !page)) {
				refuse(checked, response, HttpServletResponse.SC_BAD_REQUEST, ProblemCode.INVALID_PARAMETER,
						PlainText.hasControl(name) ? "parameter name" : name,
						"holds a control character (such as U+0000)");
				return;
			}
			if (read) {
				stripped = stripped == null ? new LinkedHashMap<>(parameters) : stripped;
				stripped.put(name, Arrays.stream(parameter.getValue()).map(InputEdge::strip).toArray(String[]::new));
			}
		}
		if (stripped != null) {
			checked = new Stripped(checked, stripped);
		}
		chain.doFilter(checked, response);
	}

	private static String strip(String text) {
		return text.codePoints()
			.filter(c -> !Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	private static boolean api(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	static void refuse(HttpServletRequest request, HttpServletResponse response, int status, ProblemCode code,
			String field, String reason) throws IOException {
		if (api(request)) {
			ProblemResponses.write(response, status, code, field + " " + reason, field, reason);
		}
		else {
			response.sendError(status);
		}
	}

	/** A request whose parameters had their control characters taken out. */
	static final class Stripped extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		Stripped(HttpServletRequest request, Map<String, String[]> parameters) {
			super(request);
			this.parameters = Collections.unmodifiableMap(parameters);
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return this.parameters;
		}

		@Override
		public String getParameter(String name) {
			String[] values = this.parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public String[] getParameterValues(String name) {
			return this.parameters.get(name);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(this.parameters.keySet());
		}

	}

	/** A request whose body may be read up to its limit only. */
	static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		private int counted(int n) throws BodyTooLarge {
			if (n > 0) {
				this.read += n;
				if (this.read > this.limit) {
					throw new BodyTooLarge(this.limit);
				}
			}
			return n;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return counted(this.in.read(b, off, len));
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return this.in.available();
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
