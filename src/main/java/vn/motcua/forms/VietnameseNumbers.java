package vn.motcua.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole number of đồng in Vietnamese words, as a receipt writes its total ("Bằng chữ"):
 * groups of three digits read with trăm, mươi, linh, mốt, lăm, tư, named nghìn, triệu,
 * tỷ; a group inside the number that is under a hundred read from "không trăm". Pure.
 */
final class VietnameseNumbers {

	private static final String[] DIGITS = { "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín" };

	private static final String[] GROUPS = { "", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ" };

	/** The number in words, its first letter a capital ("Năm mươi nghìn"). */
	static String words(long n) {
		if (n < 0) {
			return cap("âm " + words(-n).toLowerCase(java.util.Locale.ROOT));
		}
		if (n == 0) {
			return "Không";
		}
		List<Integer> groups = new ArrayList<>();
		for (long m = n; m > 0; m /= 1000) {
			groups.add((int) (m % 1000));
		}
		List<String> parts = new ArrayList<>();
		for (int g = groups.size() - 1; g >= 0; g--) {
			int v = groups.get(g);
			if (v == 0) {
				continue;
			}
			parts.add(three(v, g < groups.size() - 1));
			if (!GROUPS[g].isEmpty()) {
				parts.add(GROUPS[g]);
			}
		}
		return cap(String.join(" ", parts));
	}

	/** Three digits; {@code inside}: not the leading group, so hundreds are read. */
	private static String three(int v, boolean inside) {
		int h = v / 100;
		int t = v / 10 % 10;
		int u = v % 10;
		List<String> w = new ArrayList<>();
		if (h > 0 || inside) {
			w.add(DIGITS[h]);
			w.add("trăm");
		}
		if (t == 0) {
			if (u > 0 && !w.isEmpty()) {
				w.add("linh");
			}
		}
		else if (t == 1) {
			w.add("mười");
		}
		else {
			w.add(DIGITS[t]);
			w.add("mươi");
		}
		if (u > 0) {
			if (u == 1 && t >= 2) {
				w.add("mốt");
			}
			else if (u == 5 && t >= 1) {
				w.add("lăm");
			}
			else if (u == 4 && t >= 2) {
				w.add("tư");
			}
			else {
				w.add(DIGITS[u]);
			}
		}
		return String.join(" ", w);
	}

	private static String cap(String s) {
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private VietnameseNumbers() {
	}

}
