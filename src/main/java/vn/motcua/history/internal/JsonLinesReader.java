package vn.motcua.history.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.ImportedDossier;
import vn.motcua.shared.Problem.Violation;

/**
 * JSON Lines: one dossier a line, as an object (docs/history-import.md). The national
 * portal's names are read too: MaHoSo (code), MaTTHC (procedure), NgayTiepNhan
 * (receivedAt), NgayHenTra (dueAt).
 */
final class JsonLinesReader extends HistoryReader {

	/** The longest line read: a dossier with its whole history fits well within it. */
	static final int MAX_LINE = 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BufferedReader lines;

	private long line;

	JsonLinesReader(InputStream in, String source) {
		super(in, source);
		this.lines = text();
	}

	@Override
	public Item next() throws IOException {
		String text;
		do {
			text = readLine();
			this.line++;
			if (text == null) {
				return null;
			}
		}
		while (text.isBlank());
		long bytes = this.counting.count();
		List<Violation> errors = list();
		if (text == TOO_LONG) {
			errors.add(Violation.of("line", "dài quá " + MAX_LINE + " ký tự"));
			return new Item(this.line, bytes, null, null, errors);
		}
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			errors.add(Violation.of("line",
					"không phải một đối tượng JSON hợp lệ (từ ký tự thứ " + ex.getLocation().getColumnNr() + ")"));
			return new Item(this.line, bytes, null, null, errors);
		}
		if (node == null || !node.isObject()) {
			errors.add(Violation.of("line", "không phải một đối tượng JSON"));
			return new Item(this.line, bytes, null, null, errors);
		}
		String sourceId = text(node, errors, "sourceId");
		ImportedDossier d = dossier(node, sourceId, errors);
		return new Item(this.line, bytes, sourceId, d, errors);
	}

	private ImportedDossier dossier(JsonNode n, String sourceId, List<Violation> errors) {
		String code = text(n, errors, "code", "MaHoSo");
		String unit = text(n, errors, "unit", "unitCode");
		String procedure = text(n, errors, "procedure", "procedureCode", "MaTTHC");
		var channel = channel(text(n, errors, "channel"), "channel", errors);
		JsonNode a = n.get("applicant");
		Applicant applicant = null;
		if (a != null && a.isObject()) {
			applicant = new Applicant(field(a, errors, "applicant.", "name"),
					field(a, errors, "applicant.", "idNumber"), field(a, errors, "applicant.", "phone"),
					field(a, errors, "applicant.", "email"), field(a, errors, "applicant.", "address"));
		}
		else {
			errors.add(Violation.of("applicant", "một đối tượng có tên người nộp"));
		}
		List<ImportedDossier.Component> components = new ArrayList<>();
		JsonNode cs = n.get("components");
		if (cs != null && cs.isArray()) {
			for (int i = 0; i < cs.size(); i++) {
				JsonNode c = cs.get(i);
				String f = "components[" + i + "].";
				components.add(new ImportedDossier.Component(field(c, errors, f, "name"),
						number(c, errors, f, "originals"), number(c, errors, f, "copies"),
						Boolean.TRUE.equals(bool(field(c, errors, f, "digitized"), f + "digitized", errors))));
			}
		}
		else if (cs != null && !cs.isNull()) {
			errors.add(Violation.of("components", "một danh sách"));
		}
		var receivedAt = instant(text(n, errors, "receivedAt", "NgayTiepNhan"), "receivedAt", errors);
		var dueAt = instant(text(n, errors, "dueAt", "NgayHenTra"), "dueAt", errors);
		List<ImportedDossier.Event> events = new ArrayList<>();
		JsonNode es = n.get("events");
		if (es != null && es.isArray()) {
			for (int i = 0; i < es.size(); i++) {
				JsonNode e = es.get(i);
				String f = "events[" + i + "].";
				if (e == null || !e.isObject()) {
					errors.add(Violation.of("events[" + i + "]", "một đối tượng"));
					continue;
				}
				events.add(new ImportedDossier.Event(kind(field(e, errors, f, "type"), f + "type", errors),
						instant(field(e, errors, f, "at"), f + "at", errors), field(e, errors, f, "by"),
						field(e, errors, f, "note"), instant(field(e, errors, f, "newDueAt"), f + "newDueAt", errors),
						returnChannel(field(e, errors, f, "channel"), f + "channel", errors),
						field(e, errors, f, "resultRef")));
			}
		}
		else if (es != null && !es.isNull()) {
			errors.add(Violation.of("events", "một danh sách"));
		}
		var verdict = verdict(text(n, errors, "verdict"), "verdict", errors);
		Boolean signed = bool(text(n, errors, "resultSigned"), "resultSigned", errors);
		List<ImportedDossier.Fee> fees = new ArrayList<>();
		JsonNode fs = n.get("fees");
		if (fs != null && fs.isArray()) {
			for (int i = 0; i < fs.size(); i++) {
				JsonNode fee = fs.get(i);
				String f = "fees[" + i + "].";
				fees.add(new ImportedDossier.Fee(field(fee, errors, f, "name"),
						amount(field(fee, errors, f, "amount"), f + "amount", errors),
						field(fee, errors, f, "paidBy")));
			}
		}
		return new ImportedDossier(this.source, sourceId, code, unit, procedure, channel, applicant, components,
				receivedAt, dueAt, events, verdict, signed, fees);
	}

	/**
	 * A text field by any of its names; a number or boolean read as text; an error for an
	 * object.
	 */
	private static String text(JsonNode n, List<Violation> errors, String... names) {
		return field(n, errors, "", names);
	}

	private static String field(JsonNode n, List<Violation> errors, String prefix, String... names) {
		if (n == null || !n.isObject()) {
			return null;
		}
		for (String name : names) {
			JsonNode v = n.get(name);
			if (v == null || v.isNull()) {
				continue;
			}
			if (v.isContainer()) {
				errors
					.add(Violation.of(prefix + names[0], "a text, not " + (v.isArray() ? "a list" : "một đối tượng")));
				return null;
			}
			return v.asString();
		}
		return null;
	}

	private static int number(JsonNode n, List<Violation> errors, String prefix, String name) {
		JsonNode v = n == null ? null : n.get(name);
		if (v == null || v.isNull()) {
			return name.equals("originals") ? 1 : 0;
		}
		if (!v.canConvertToInt() || v.asInt() < 0 || v.asInt() > 100) {
			errors.add(Violation.of(prefix + name, "một số từ 0 đến 100"));
			return 0;
		}
		return v.asInt();
	}

	/**
	 * What {@link #readLine} gives for a line over {@link #MAX_LINE}: its rest is
	 * skipped.
	 */
	private static final String TOO_LONG = new String("TOO_LONG");

	/**
	 * The next line without its end, null at the end of the file; a line longer than
	 * {@link #MAX_LINE} is read to its end but not kept (a file without line breaks is
	 * never held whole).
	 */
	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		boolean tooLong = false;
		int c;
		while ((c = this.lines.read()) >= 0) {
			if (c == '\n') {
				break;
			}
			if (!tooLong) {
				if (line.length() >= MAX_LINE) {
					tooLong = true;
					line.setLength(0);
				}
				else {
					line.append((char) c);
				}
			}
		}
		if (c < 0 && line.isEmpty() && !tooLong) {
			return null;
		}
		if (tooLong) {
			return TOO_LONG;
		}
		int end = line.length();
		return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
	}

	@Override
	public void close() throws IOException {
		this.lines.close();
	}

}
