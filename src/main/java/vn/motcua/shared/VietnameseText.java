package vn.motcua.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folding of Vietnamese text for accent-insensitive search: "Giấy khai sinh" → "giay khai
 * sinh".
 */
public final class VietnameseText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private VietnameseText() {
	}

	/**
	 * Lower case, no tone or vowel marks, đ → d, runs of white space folded to one space.
	 */
	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String unmarked = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return SPACES.matcher(unmarked.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

}
