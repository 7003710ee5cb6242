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

	}

	static String dateTime(Instant instant, Locale locale) {
		DateTimeFormatter format = "en".equals(locale.getLanguage()) ? EN : VI;
		return instant.atOffset(WorkingCalendar.ZONE).format(format);
	}

}
