package vn.motcua.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;

import vn.motcua.shared.ProblemCode;

/**
 * A problem detail written straight to the response, for what answers before Spring MVC
 * (the security chains, the input edge), in the shape the API's handler gives.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	/**
	 * Writes the problem; with a {@code field}, its one error ({@code field} and
	 * {@code reason}).
	 */
	static void write(HttpServletResponse response, int status, ProblemCode code, String detail, String field,
			String reason) throws IOException {
		String name = code.name();
		StringBuilder json = new StringBuilder("{\"type\":\"https://motcua.vn/problems/")
			.append(name.toLowerCase().replace('_', '-'))
			.append("\",\"status\":")
			.append(status)
			.append(",\"code\":\"")
			.append(name)
			.append("\",\"detail\":\"")
			.append(escaped(detail))
			.append('"');
		if (field != null) {
			json.append(",\"errors\":[{\"field\":\"")
				.append(escaped(field))
				.append("\",\"reason\":\"")
				.append(escaped(reason))
				.append("\"}]");
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json.append('}').toString());
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
