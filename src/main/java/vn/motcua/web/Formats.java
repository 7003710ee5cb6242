package vn.motcua.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.shared.WorkingHours;

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

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

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

		/** "02/12/2026". */
		public String date(LocalDate day) {
			return day == null ? "" : day.format(DATE);
		}

		/** An amount in đồng: "50.000 đ" in Vietnamese, "50,000 VND" in English. */
		public String money(Long amount) {
			if (amount == null) {
				return "";
			}
			java.text.NumberFormat f = java.text.NumberFormat
				.getIntegerInstance("en".equals(this.locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMANY);
			return "en".equals(this.locale.getLanguage()) ? f.format(amount) + " VND" : f.format(amount) + " đ";
		}

		/** "15:00". */
		public String time(LocalTime time) {
			return time == null ? "" : time.format(TIME);
		}

		/** A unit's working sessions as people write them: "07:00–11:30, 13:30–17:00". */
		public String hours(WorkingHours hours) {
			return hours == null ? "" : hours.display();
		}

	}

	/**
	 * A day as a date field sends it (yyyy-MM-dd) or as people type it (dd/MM/yyyy);
	 * {@code null} for blank or a day that does not exist.
	 */
	static LocalDate parseDay(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return text.contains("/") ? LocalDate.parse(text.strip(), DAY) : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	static String dateTime(Instant instant, Locale locale) {
		DateTimeFormatter format = "en".equals(locale.getLanguage()) ? EN : VI;
		return instant.atOffset(WorkingCalendar.ZONE).format(format);
	}

}
