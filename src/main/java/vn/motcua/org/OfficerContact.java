package vn.motcua.org;

/**
 * Where an officer is told of their work (a new assignment, a step coming due): an e-mail
 * address and a mobile phone, each possibly absent.
 */
public record OfficerContact(String username, String fullName, String email, String phone) {

	/** The longest e-mail address and phone ({@code org_officer}'s columns). */
	public static final int MAX_EMAIL = 120;

	public static final int MAX_PHONE = 20;

}
