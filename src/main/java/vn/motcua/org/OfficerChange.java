package vn.motcua.org;

/** What an administrator changed about an officer, as the audit records it. */
public enum OfficerChange {

	REGISTERED, ROLES_CHANGED, UNIT_CHANGED, DEACTIVATED, REACTIVATED, PASSWORD_RESET, CONTACT_CHANGED

}
