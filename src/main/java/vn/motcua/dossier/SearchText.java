package vn.motcua.dossier;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import vn.motcua.shared.VietnameseText;

/**
 * What an officer types to find a dossier, as the terms a list compares: each term must
 * be found in the code or the applicant's folded name (folded like the catalog's search:
 * "Nguyễn Văn An" finds "nguyen van an"), or, by its digits, in the ID number or the
 * phone. A number typed with spaces, dots or dashes ("0912 345 678", "+84 912.345.678",
 * "240115-0001") is one term, compared by its digits (+84 as 0) with the ID number and
 * the phone, and as typed with the code.
 */
final class SearchText {

	/** The longest text a search takes. */
	static final int MAX_LENGTH = 200;

	/**
	 * A term: {@code text} for the code and the folded name, {@code digits} (or null) for
	 * the ID number and the phone.
	 */
	record Term(String text, String digits) {
	}

	private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 .-]*");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private static final Pattern SEPARATORS = Pattern.compile("[ .-]");

	private static final Pattern LIKE_SPECIALS = Pattern.compile("[%_\\\\\\p{Cntrl}]");

	private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}");

	private SearchText() {
	}

	/**
	 * The terms of the text; control characters (U+0000 among them, which PostgreSQL
	 * refuses in text) count as spaces.
	 */
	static List<Term> terms(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String stripped = CONTROLS.matcher(text).replaceAll(" ").strip();
		if (NUMBER.matcher(stripped).matches()) {
			String digits = SEPARATORS.matcher(stripped).replaceAll("");
			digits = digits.startsWith("+84") ? "0" + digits.substring(3) : digits.replace("+", "");
			return List.of(new Term(stripped.toLowerCase(java.util.Locale.ROOT), digits));
		}
		String folded = LIKE_SPECIALS.matcher(VietnameseText.fold(stripped)).replaceAll(" ").strip();
		return folded.isEmpty() ? List.of()
				: Arrays.stream(folded.split(" "))
					.distinct()
					.map(w -> new Term(w, DIGITS.matcher(w).matches() ? w : null))
					.toList();
	}

}
