package vn.motcua.shared;

/**
 * What any text that reaches the database may not hold: control characters other than a
 * line break or a tab (U+0000 above all, which PostgreSQL refuses in text columns).
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * Whether a text holds a control character (U+0000 and the like) other than a line
	 * break or tab.
	 */
	public static boolean hasControl(String text) {
		return text != null
				&& text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
	}

}
