package vn.motcua.dossier.core;

import java.util.regex.Pattern;

/**
 * What proves an applicant's right to see their dossier's status by its code: the last
 * four digits of the ID number or of the phone number given at intake.
 */
public final class LookupProof {

	private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");

	private LookupProof() {
	}

	public static boolean holds(String lastDigits, String idNumber, String phone) {
		return lastDigits != null && FOUR_DIGITS.matcher(lastDigits).matches()
				&& (endsWith(idNumber, lastDigits) || endsWith(phone, lastDigits));
	}

	private static boolean endsWith(String number, String digits) {
		return number != null && number.replaceAll("[^0-9]", "").endsWith(digits);
	}

}
