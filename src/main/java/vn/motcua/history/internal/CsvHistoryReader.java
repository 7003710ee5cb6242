package vn.motcua.history.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ImportedDossier;
import vn.motcua.shared.Problem.Violation;

/**
 * CSV with a header row: one event a row, the rows of a dossier one after the other, its
 * own columns on its first row (docs/history-import.md). A dossier without events is one
 * row with the event columns empty. Components are {@code name*} (digitized) or
 * {@code name}, separated by {@code ;}; fees {@code name:amount:paidBy}, separated by
 * {@code ;}.
 */
final class CsvHistoryReader extends HistoryReader {

	static final List<String> COLUMNS = List.of("sourceId", "code", "unit", "procedure", "channel", "applicantName",
			"applicantIdNumber", "applicantPhone", "applicantAddress", "receivedAt", "dueAt", "verdict", "resultSigned",
			"components", "fees", "event", "eventAt", "eventBy", "eventNote", "eventNewDueAt", "eventChannel",
			"eventResultRef");

	/** The most rows a dossier may have. */
	static final int MAX_ROWS = 1_000;

	/**
	 * The most characters the parser may read for one row: a quote never closed stops
	 * there.
	 */
	static final long MAX_ROW_CHARS = 4L * 1024 * 1024;

	private final CSVParser parser;

	private final Guard guard;

	private final Iterator<CSVRecord> rows;

	private final Map<String, Integer> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	private CSVRecord pending;

	/** The error that stopped the reading, then {@link #END}; null while it goes on. */
	private Item broken;

	private static final Item END = new Item(0, 0, null, null, List.of());

	private final List<Violation> headerErrors = list();

	CsvHistoryReader(InputStream in, String source) throws IOException {
		super(in, source);
		this.guard = new Guard(text());
		CSVParser parser = null;
		try {
			parser = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.get()
				.parse(this.guard);
			parser.getHeaderMap().forEach((name, index) -> this.header.put(name.strip(), index));
			for (String required : List.of("sourceId", "code", "procedure", "channel", "applicantName", "receivedAt")) {
				if (!this.header.containsKey(required)) {
					this.headerErrors.add(Violation.of(required, "dòng tiêu đề thiếu cột " + required));
				}
			}
		}
		catch (IllegalArgumentException | java.io.UncheckedIOException ex) {
			// two columns of the same name, a header that is not CSV
			this.headerErrors.add(Violation.of("line", "dòng tiêu đề không đọc được: " + ex.getMessage()));
		}
		this.parser = parser;
		this.rows = parser == null || !this.headerErrors.isEmpty() ? java.util.Collections.emptyIterator()
				: parser.iterator();
	}

	@Override
	public Item next() throws IOException {
		if (!this.headerErrors.isEmpty()) {
			// nothing after a wrong header is read: the whole file is reported on its
			// line 1
			List<Violation> errors = List.copyOf(this.headerErrors);
			this.headerErrors.clear();
			this.broken = END;
			return new Item(1, this.counting.count(), null, null, errors);
		}
		if (this.broken != null) {
			Item error = this.broken;
			this.broken = END;
			return error == END ? null : error;
		}
		try {
			return read();
		}
		catch (java.io.UncheckedIOException | IllegalStateException ex) {
			broke(ex);
			return next();
		}
	}

	/**
	 * A quote never closed, and the like: nothing after it can be read as rows; what came
	 * before is kept, and the error comes next.
	 */
	private void broke(RuntimeException ex) {
		List<Violation> errors = list();
		errors.add(Violation.of("line", "tệp CSV không đọc tiếp được từ đây: " + ex.getMessage()));
		this.broken = new Item(this.parser.getCurrentLineNumber() + 1, this.counting.count(), null, null, errors);
	}

	private Item read() {
		CSVRecord first = this.pending != null ? this.pending : (this.rows.hasNext() ? this.rows.next() : null);
		this.pending = null;
		if (first == null) {
			return null;
		}
		this.guard.rowRead();
		String sourceId = get(first, "sourceId");
		List<CSVRecord> rows = new ArrayList<>();
		rows.add(first);
		boolean tooMany = false;
		while (true) {
			CSVRecord row;
			try {
				if (!this.rows.hasNext()) {
					break;
				}
				row = this.rows.next();
			}
			catch (java.io.UncheckedIOException | IllegalStateException ex) {
				broke(ex);
				break;
			}
			this.guard.rowRead();
			String id = get(row, "sourceId");
			if (id == null || id.equals(sourceId)) {
				// a dossier's rows are bounded: the rest of an endless one is read, not
				// kept
				if (rows.size() < MAX_ROWS) {
					rows.add(row);
				}
				else {
					tooMany = true;
				}
			}
			else {
				this.pending = row;
				break;
			}
		}
		long line = first.getParser().getHeaderMap() == null ? first.getRecordNumber() : first.getRecordNumber() + 1;
		List<Violation> errors = list();
		if (tooMany) {
			errors.add(Violation.of("sourceId", "hồ sơ có quá " + MAX_ROWS + " dòng"));
		}
		ImportedDossier d = dossier(first, rows, sourceId, errors);
		return new Item(line, this.counting.count(), sourceId, d, errors);
	}

	private ImportedDossier dossier(CSVRecord r, List<CSVRecord> rows, String sourceId, List<Violation> errors) {
		List<ImportedDossier.Component> components = new ArrayList<>();
		String cs = get(r, "components");
		if (cs != null) {
			for (String c : cs.split(";")) {
				String name = c.strip();
				if (!name.isEmpty()) {
					boolean digitized = name.endsWith("*");
					components.add(new ImportedDossier.Component(
							digitized ? name.substring(0, name.length() - 1).strip() : name, 1, 0, digitized));
				}
			}
		}
		List<ImportedDossier.Fee> fees = new ArrayList<>();
		String fs = get(r, "fees");
		if (fs != null) {
			for (String f : fs.split(";")) {
				if (f.isBlank()) {
					continue;
				}
				String[] parts = f.split(":");
				if (parts.length != 3) {
					errors.add(Violation.of("fees", "tên:số tiền:cách nộp, cách nhau bởi ;"));
					continue;
				}
				fees.add(new ImportedDossier.Fee(parts[0].strip(), amount(parts[1], "fees", errors),
						parts[2].strip().toUpperCase(Locale.ROOT)));
			}
		}
		List<ImportedDossier.Event> events = new ArrayList<>();
		for (CSVRecord row : rows) {
			String type = get(row, "event");
			if (type == null) {
				continue;
			}
			String at = "line " + (row.getRecordNumber() + 1) + ": ";
			events.add(new ImportedDossier.Event(kind(type, at + "event", errors),
					instant(get(row, "eventAt"), at + "eventAt", errors), get(row, "eventBy"), get(row, "eventNote"),
					instant(get(row, "eventNewDueAt"), at + "eventNewDueAt", errors),
					returnChannel(get(row, "eventChannel"), at + "eventChannel", errors), get(row, "eventResultRef")));
		}
		return new ImportedDossier(this.source, sourceId, get(r, "code"), get(r, "unit"), get(r, "procedure"),
				channel(get(r, "channel"), "channel", errors),
				new Applicant(get(r, "applicantName"), get(r, "applicantIdNumber"), get(r, "applicantPhone"), null,
						get(r, "applicantAddress")),
				components, instant(get(r, "receivedAt"), "receivedAt", errors),
				instant(get(r, "dueAt"), "dueAt", errors), events, verdict(get(r, "verdict"), "verdict", errors),
				bool(get(r, "resultSigned"), "resultSigned", errors), fees);
	}

	private String get(CSVRecord row, String column) {
		Integer index = this.header.get(column);
		if (index == null || index >= row.size()) {
			return null;
		}
		String value = row.get(index);
		return value == null || value.isBlank() ? null : value;
	}

	@Override
	public void close() throws IOException {
		if (this.parser != null) {
			this.parser.close();
		}
		else {
			this.guard.close();
		}
	}

	/**
	 * Counts what the parser reads since the last row it gave, and stops it past
	 * {@link #MAX_ROW_CHARS}: commons-csv would gather a whole file into one field after
	 * a quote never closed.
	 */
	static final class Guard extends java.io.FilterReader {

		private long read;

		Guard(java.io.Reader in) {
			super(in);
		}

		void rowRead() {
			this.read = 0;
		}

		@Override
		public int read() throws IOException {
			count(1);
			return super.read();
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			this.read += n;
			if (this.read > MAX_ROW_CHARS) {
				throw new IOException("một dòng dài quá " + MAX_ROW_CHARS + " ký tự (có dấu ngoặc kép không đóng?)");
			}
		}

	}

}
