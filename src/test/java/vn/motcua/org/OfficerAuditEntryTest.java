package vn.motcua.org;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's detail is read back as it is written, for the pages' words. */
class OfficerAuditEntryTest {

	static final Instant AT = Instant.parse("2026-12-02T09:00:00Z");

	@Test
	void aRegistrationNamesTheUnitAndTheRoles() {
		OfficerAuditEntry entry = OfficerAuditEntry.registered(AT, "admin", "h1.hoa", "H1",
				Set.of(Role.SPECIALIST, Role.ONE_STOP_OFFICER));
		assertThat(entry.detail()).isEqualTo("unit H1; roles ONE_STOP_OFFICER,SPECIALIST");
		assertThat(entry.values())
			.isEqualTo(new OfficerAuditEntry.Values(null, "H1", null, Set.of(Role.ONE_STOP_OFFICER, Role.SPECIALIST)));
	}

	@Test
	void aChangeOfRolesOrUnitNamesWhatItWasAndWhatItBecame() {
		OfficerAuditEntry roles = OfficerAuditEntry.rolesChanged(AT, "admin", "h1.hoa", Set.of(Role.SPECIALIST),
				Set.of(Role.SPECIALIST, Role.LEADER));
		assertThat(roles.detail()).isEqualTo("SPECIALIST → LEADER,SPECIALIST");
		assertThat(roles.values().rolesBefore()).containsExactly(Role.SPECIALIST);
		assertThat(roles.values().roles()).containsExactlyInAnyOrder(Role.SPECIALIST, Role.LEADER);
		OfficerAuditEntry unit = OfficerAuditEntry.unitChanged(AT, "admin", "h1.hoa", "H1", "H2");
		assertThat(unit.values()).isEqualTo(new OfficerAuditEntry.Values("H1", "H2", null, null));
	}

	@Test
	void otherEntriesAndUnreadableDetailsNameNothing() {
		assertThat(
				new OfficerAuditEntry(AT, "admin", "h1.hoa", OfficerChange.DEACTIVATED, "active → inactive").values())
			.isEqualTo(OfficerAuditEntry.Values.NONE);
		assertThat(new OfficerAuditEntry(AT, "admin", "h1.hoa", OfficerChange.REGISTERED, "imported").values())
			.isEqualTo(OfficerAuditEntry.Values.NONE);
		assertThat(
				new OfficerAuditEntry(AT, "admin", "h1.hoa", OfficerChange.ROLES_CHANGED, "SPECIALIST → GONE").values()
					.roles())
			.isEmpty();
	}

}
