package vn.motcua.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import vn.motcua.calendar.core.WorkingCalendar;

/**
 * How pages show instants: in Vietnam's time, with the weekday, in the reader's language.
 */
final class Formats {

	private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy (EEEE)",
			WebConfiguration.VIETNAMESE);

	private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("HH:mm, EEEE d MMMM yyyy", Locale.ENGLISH);

	/** Day and time in lists and histories, the same in both languages. */
	private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	/** A day typed or shown in a form field. */
	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	private Formats() {
	}

	/**
	 * The formats bound to the reader's language, for templates:
	 * {@code ${fmt.dateTime(d.dueAt)}}.
	 */
	record Bound(Locale locale) {

		public String dateTime(Instant instant) {
			return instant == null ? "" : Formats.dateTime(instant, this.locale);
		}

		/** "03/12/2026 08:30", in Vietnam's time: for lists, steps and histories. */
		public String shortDateTime(Instant instant) {
			return instant == null ? "" : instant.atOffset(WorkingCalendar.ZONE).format(SHORT);
		}

	}

	static String dateTime(Instant instant, Locale locale) {
		DateTimeFormatter format = "en".equals(locale.getLanguage()) ? EN : VI;
		return instant.atOffset(WorkingCalendar.ZONE).format(format);
	}

}
