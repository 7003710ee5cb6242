package vn.motcua.org;

import java.time.Instant;

/**
 * One change an administrator made to an officer.
 *
 * @param actor the administrator who made it
 * @param username the officer changed
 * @param detail what it was and what it became; never a password
 */
public record OfficerAuditEntry(Instant at, String actor, String username, OfficerChange change, String detail) {
}
