package vn.motcua.dossier.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import vn.motcua.shared.Problem.Violation;

/**
 * What an applicant's details must be before a new dossier stores them (DOMAIN §6b), for
 * the counter, the online forms and the API alike: a name, a 12-digit personal
 * identification number (the 9-digit identity card is no longer valid for new dossiers
 * since 1 January 2025), a Vietnamese phone number, an e-mail address, an address; each
 * no longer than its column and free of control characters. Violations name the fields
 * {@code applicant.<field>}; the pages word them from the message
 * {@code field.<field>.invalid}.
 */
public final class ApplicantRules {

	public static final int NAME_MAX = 200;

	public static final int PHONE_MAX = 20;

	public static final int EMAIL_MAX = 120;

	public static final int ADDRESS_MAX = 300;

	private static final Pattern PERSONAL_ID = Pattern.compile("[0-9]{12}");

	/** 10 digits from 0 (mobile 03/05/07/08/09, landline 02 with 11), or +84. */
	private static final Pattern PHONE = Pattern.compile("0(?:[35789][0-9]{8}|2[0-9]{9})");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");

	private ApplicantRules() {
	}

	/** A personal identification number as new dossiers take it: 12 digits. */
	public static boolean isPersonalId(String text) {
		return text != null && PERSONAL_ID.matcher(text).matches();
	}

	/**
	 * The phone number in its national form ("0912345678"): spaces, dots, dashes and
	 * brackets dropped, +84 or 84 turned into 0; null when it is no Vietnamese number.
	 */
	public static String phone(String text) {
		if (text == null) {
			return null;
		}
		String digits = SEPARATORS.matcher(text).replaceAll("");
		if (digits.startsWith("+84")) {
			digits = "0" + digits.substring(3);
		}
		else if (digits.startsWith("84") && digits.length() >= 11) {
			digits = "0" + digits.substring(2);
		}
		return PHONE.matcher(digits).matches() ? digits : null;
	}

	/**
	 * The violations of an applicant's details (all given already stripped; null or blank
	 * for what was not given).
	 * @param idRequired whether the dossier needs the ID number (an online submission)
	 * @param emailRequired whether it needs the e-mail (an online submission confirmed by
	 * e-mail)
	 */
	public static List<Violation> check(String name, String idNumber, String phone, String email, String address,
			boolean idRequired, boolean emailRequired) {
		List<Violation> violations = new ArrayList<>();
		if (blank(name)) {
			violations.add(Violation.of("applicant.name", "is required"));
		}
		else if (name.length() > NAME_MAX || hasControl(name)) {
			violations
				.add(Violation.of("applicant.name", "at most " + NAME_MAX + " characters, no control characters"));
		}
		if (blank(idNumber) ? idRequired : !isPersonalId(idNumber)) {
			violations.add(Violation.of("applicant.idNumber", "the 12-digit personal identification number"));
		}
		if (!blank(phone) && phone(phone) == null) {
			violations.add(Violation.of("applicant.phone",
					"a Vietnamese phone number: 10 digits from 0 (or +84 and 9 digits)"));
		}
		if (blank(email) ? emailRequired : email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
			violations
				.add(Violation.of("applicant.email", "an e-mail address of at most " + EMAIL_MAX + " characters"));
		}
		if (!blank(address) && (address.length() > ADDRESS_MAX || hasControl(address))) {
			violations.add(
					Violation.of("applicant.address", "at most " + ADDRESS_MAX + " characters, no control characters"));
		}
		return violations;
	}

	/**
	 * Whether a text holds a control character (U+0000 and the like) other than a line
	 * break or tab.
	 */
	public static boolean hasControl(String text) {
		return vn.motcua.shared.PlainText.hasControl(text);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
