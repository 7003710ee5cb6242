package vn.motcua.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import vn.motcua.shared.Budget;
import vn.motcua.shared.RateLimited;

/**
 * A page's answer to a used-up budget (ADR 17): status 429 with {@code Retry-After}, and
 * the message, in the reader's language, of how long to wait.
 */
final class RateLimitPages {

	private RateLimitPages() {
	}

	/** Sets the status and header, and the page's {@code error}. */
	static void refuse(RateLimited ex, HttpServletResponse response, Model model, MessageSource messages,
			Locale locale) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds());
		model.addAttribute("error",
				messages.getMessage(ex.budget() == Budget.WRONG_DIGITS ? "limit.dossier" : "limit.tooMany",
						new Object[] { wait(Long.parseLong(ex.retryAfterSeconds()), messages, locale) }, locale));
	}

	/** The wait in words: minutes, or hours from two hours on; rounded up. */
	static String wait(long seconds, MessageSource messages, Locale locale) {
		long minutes = Math.max(1, (seconds + 59) / 60);
		if (minutes >= 120) {
			return messages.getMessage("limit.hours", new Object[] { (minutes + 59) / 60 }, locale);
		}
		return messages.getMessage("limit.minutes", new Object[] { minutes }, locale);
	}

}
