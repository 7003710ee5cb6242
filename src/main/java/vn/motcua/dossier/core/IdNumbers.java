package vn.motcua.dossier.core;

import java.util.regex.Pattern;

/**
 * An applicant's identification number as the one-stop shop takes it (DOMAIN §6b): the
 * 12-digit personal identification number, or the 9-digit identity card number that older
 * dossiers carry.
 */
public final class IdNumbers {

	private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{9,12}");

	private IdNumbers() {
	}

	public static boolean isIdNumber(String text) {
		return text != null && ID_NUMBER.matcher(text).matches();
	}

}
