package vn.motcua.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.org.Officer;
import vn.motcua.org.OfficerAuditEntry;
import vn.motcua.org.OfficerChange;
import vn.motcua.org.OfficerContact;
import vn.motcua.org.Role;

import static vn.motcua.shared.Sql.utc;

/** Officers in table {@code org_officer}. */
@Repository
public class OfficerStore {

	private static final String COLUMNS = "username, full_name, unit_code, roles, active";

	private final JdbcClient jdbc;

	private final InstantSource clock;

	OfficerStore(JdbcClient jdbc, InstantSource clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Officer> find(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from org_officer where username = ?")
			.param(username)
			.query(OfficerStore::map)
			.optional();
	}

	/** The officer, locked against other changes until the transaction ends. */
	public Optional<Officer> lock(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from org_officer where username = ? for update")
			.param(username)
			.query(OfficerStore::map)
			.optional();
	}

	public Optional<String> passwordHash(String username) {
		return this.jdbc.sql("select password_hash from org_officer where username = ? and active")
			.param(username)
			.query(String.class)
			.optional();
	}

	/** Until when the officer is locked out, if they are. */
	public Optional<Instant> lockedUntil(String username) {
		return this.jdbc.sql("select locked_until from org_officer where username = ?")
			.param(username)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
			.optional()
			.flatMap(x -> x);
	}

	/**
	 * Counts a failed sign-in; at {@code limit} failures in a row, locks the officer
	 * until {@code until}.
	 */
	public boolean signedInFrom(String username, String remote, Instant since) {
		return this.jdbc
			.sql("select count(*) from org_signin_audit where username = ? and remote = ? and outcome = 'SUCCESS'"
					+ " and at >= ?")
			.params(username, remote, utc(since))
			.query(Integer.class)
			.single() > 0;
	}

	public void audit(Instant at, String username, String outcome, String remote) {
		this.jdbc.sql("insert into org_signin_audit (at, username, outcome, remote) values (?, ?, ?, ?)")
			.params(utc(at), username.length() > 60 ? username.substring(0, 60) : username, outcome, remote)
			.update();
	}

	public List<Officer> ofUnit(String unitCode) {
		return this.jdbc.sql("select " + COLUMNS + " from org_officer where unit_code = ? order by username")
			.param(unitCode)
			.query(OfficerStore::map)
			.list();
	}

	public void insert(Officer officer, String passwordHash) {
		this.jdbc
			.sql("insert into org_officer (" + COLUMNS + ", password_hash, created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(officer.username(), officer.fullName(), officer.unitCode(), roles(officer), officer.active(),
					passwordHash, utc(this.clock.instant()))
			.update();
	}

	public void update(Officer officer) {
		this.jdbc.sql("update org_officer set full_name = ?, unit_code = ?, roles = ?, active = ? where username = ?")
			.params(officer.fullName(), officer.unitCode(), roles(officer), officer.active(), officer.username())
			.update();
	}

	/** The officer's e-mail and phone, if there is such an officer. */
	public Optional<OfficerContact> contact(String username) {
		return this.jdbc.sql("select username, full_name, email, phone from org_officer where username = ?")
			.param(username)
			.query((rs, n) -> new OfficerContact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	public void changeContact(String username, String email, String phone) {
		this.jdbc.sql("update org_officer set email = ?, phone = ? where username = ?")
			.params(email, phone, username)
			.update();
	}

	/** Sets a new password and lifts a lock-out. */
	public void resetPassword(String username, String passwordHash) {
		this.jdbc
			.sql("update org_officer set password_hash = ?, failed_attempts = 0, locked_until = null"
					+ " where username = ?")
			.params(passwordHash, username)
			.update();
	}

	public void record(OfficerAuditEntry entry) {
		this.jdbc.sql("insert into org_officer_audit (at, actor, username, change, detail) values (?, ?, ?, ?, ?)")
			.params(utc(entry.at()), entry.actor(), entry.username(), entry.change().name(), entry.detail())
			.update();
	}

	/** The changes made to the officer, oldest first. */
	public List<OfficerAuditEntry> changes(String username) {
		return this.jdbc
			.sql("select at, actor, username, change, detail from org_officer_audit where username = ?"
					+ " order by at, id")
			.param(username)
			.query((rs, n) -> new OfficerAuditEntry(rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("actor"), rs.getString("username"), OfficerChange.valueOf(rs.getString("change")),
					rs.getString("detail")))
			.list();
	}

	/** The roles as stored: their names, sorted, comma-separated. */
	public static String roles(Officer officer) {
		return officer.roles().stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	private static Officer map(ResultSet rs, int row) throws SQLException {
		return new Officer(rs.getString("username"), rs.getString("full_name"), rs.getString("unit_code"),
				Arrays.stream(rs.getString("roles").split(",")).map(Role::valueOf).collect(Collectors.toSet()),
				rs.getBoolean("active"));
	}

}
