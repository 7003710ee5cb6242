package vn.motcua.history;

/**
 * The formats of a history file (docs/history-import.md): JSON Lines, one dossier a line;
 * CSV, one event a row, the rows of a dossier one after the other.
 */
public enum HistoryFormat {

	JSONL, CSV;

	/** The format named in a request ({@code jsonl}, {@code csv}). */
	public static HistoryFormat parse(String name) {
		if (name != null) {
			for (HistoryFormat f : values()) {
				if (f.name().equalsIgnoreCase(name.strip())
						|| (f == JSONL && name.strip().equalsIgnoreCase("ndjson"))) {
					return f;
				}
			}
		}
		throw vn.motcua.shared.Problem.invalid(vn.motcua.shared.ProblemCode.INVALID_PARAMETER, "format",
				"jsonl or csv");
	}

}
