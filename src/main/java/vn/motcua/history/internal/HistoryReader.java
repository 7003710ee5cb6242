package vn.motcua.history.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ImportedDossier;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.history.HistoryFormat;
import vn.motcua.shared.Problem.Violation;

/**
 * Reads a history file as a stream, one dossier at a time, never the whole file: JSON
 * Lines (a dossier a line) or CSV (an event a row, a dossier's rows one after the other).
 * Each dossier comes with the line it starts on, the bytes read so far and what is wrong
 * with it, field by field; a wrong dossier does not stop the reading.
 */
public abstract class HistoryReader implements Closeable {

	/**
	 * One dossier of the file: its first line, the bytes read up to it, its source ID (if
	 * it could be read), the dossier as far as it could be read (null when not at all)
	 * and what is wrong with its values.
	 */
	public record Item(long line, long bytes, String sourceId, ImportedDossier dossier, List<Violation> errors) {
	}

	protected final Counting counting;

	protected final String source;

	protected HistoryReader(InputStream in, String source) {
		this.counting = new Counting(withoutByteOrderMark(in));
		this.source = source;
	}

	/**
	 * The stream without the UTF-8 byte order mark that Excel's "CSV UTF-8" and some
	 * editors write first.
	 */
	private static InputStream withoutByteOrderMark(InputStream in) {
		java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
		try {
			byte[] head = pushback.readNBytes(3);
			boolean mark = head.length == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb
					&& (head[2] & 0xff) == 0xbf;
			if (!mark && head.length > 0) {
				pushback.unread(head);
			}
			return pushback;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	public static HistoryReader of(HistoryFormat format, InputStream in, String source) throws IOException {
		return format == HistoryFormat.JSONL ? new JsonLinesReader(in, source) : new CsvHistoryReader(in, source);
	}

	/** The next dossier, or null at the end of the file. */
	public abstract Item next() throws IOException;

	protected BufferedReader text() {
		return new BufferedReader(new InputStreamReader(this.counting, StandardCharsets.UTF_8), 64 * 1024);
	}

	// ------------------------------------------------------------------ values

	/**
	 * An instant: ISO 8601 with its offset, or a local date-time read in Vietnam's time
	 * (UTC+7); null for nothing; an error for anything else.
	 */
	static Instant instant(String text, String field, List<Violation> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		// "2023-03-02 08:15:00", "2023-03-02 08:15:00 +07:00" as ISO 8601
		String t = text.strip().replaceFirst(" ", "T").replace(" ", "");
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(t).toInstant(vn.motcua.calendar.core.WorkingCalendar.ZONE);
			}
			catch (DateTimeParseException ex2) {
				errors.add(Violation.of(field, "ngày giờ dạng 2023-01-03T08:15:00+07:00"));
				return null;
			}
		}
	}

	static Channel channel(String text, String field, List<Violation> errors) {
		String t = key(text);
		Channel c = switch (t) {
			case "COUNTER", "TRUC_TIEP", "TRUCTIEP" -> Channel.COUNTER;
			case "POST", "BUU_CHINH", "BUUCHINH" -> Channel.POST;
			case "ONLINE", "TRUC_TUYEN", "TRUCTUYEN" -> Channel.ONLINE;
			default -> null;
		};
		if (c == null) {
			errors.add(Violation.of(field, "một trong COUNTER, POST, ONLINE"));
		}
		return c;
	}

	static ReturnChannel returnChannel(String text, String field, List<Violation> errors) {
		String t = key(text);
		if (t.isEmpty()) {
			return null;
		}
		ReturnChannel c = switch (t) {
			case "COUNTER", "TRUC_TIEP" -> ReturnChannel.COUNTER;
			case "POST", "BUU_CHINH" -> ReturnChannel.POST;
			case "ELECTRONIC", "DIEN_TU" -> ReturnChannel.ELECTRONIC;
			default -> null;
		};
		if (c == null) {
			errors.add(Violation.of(field, "một trong COUNTER, POST, ELECTRONIC"));
		}
		return c;
	}

	static Timeliness verdict(String text, String field, List<Violation> errors) {
		String t = key(text);
		if (t.isEmpty()) {
			return null;
		}
		Timeliness v = switch (t) {
			case "EARLY", "TRUOC_HAN" -> Timeliness.EARLY;
			case "ON_TIME", "DUNG_HAN" -> Timeliness.ON_TIME;
			case "LATE", "QUA_HAN", "TRE_HAN" -> Timeliness.LATE;
			default -> null;
		};
		if (v == null) {
			errors.add(Violation.of(field, "một trong EARLY, ON_TIME, LATE"));
		}
		return v;
	}

	static ImportedDossier.Kind kind(String text, String field, List<Violation> errors) {
		try {
			return ImportedDossier.Kind.valueOf(key(text));
		}
		catch (IllegalArgumentException ex) {
			errors.add(Violation.of(field,
					"một trong HANDOVER, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, APOLOGY, APPROVED, RESULT, RETURNED, REFUSED, STOPPED, WITHDRAWN"));
			return null;
		}
	}

	static Boolean bool(String text, String field, List<Violation> errors) {
		String t = key(text);
		return switch (t) {
			case "" -> null;
			case "TRUE", "1", "YES", "CO" -> true;
			case "FALSE", "0", "NO", "KHONG" -> false;
			default -> {
				errors.add(Violation.of(field, "true hoặc false"));
				yield null;
			}
		};
	}

	static long amount(String text, String field, List<Violation> errors) {
		if (text == null || text.isBlank()) {
			return 0;
		}
		try {
			long v = Long.parseLong(text.strip());
			if (v < 0 || v > 10_000_000_000L) {
				throw new NumberFormatException();
			}
			return v;
		}
		catch (NumberFormatException ex) {
			errors.add(Violation.of(field, "số đồng nguyên, từ 0 đến 10.000.000.000"));
			return 0;
		}
	}

	private static String key(String text) {
		return text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
	}

	/** Counts the bytes read, for the job's progress. */
	static final class Counting extends FilterInputStream {

		private long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

		long count() {
			return this.count;
		}

	}

	/** What a line or row says of a dossier, before it is made one. */
	static List<Violation> list() {
		return new ArrayList<>();
	}

}
