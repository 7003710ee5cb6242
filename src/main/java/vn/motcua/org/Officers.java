package vn.motcua.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.org.internal.OfficerStore;
import vn.motcua.shared.Problem;
import vn.motcua.shared.Problem.Violation;

/** Officers of the units: look-up and registration. Passwords arrive already hashed. */
@Service
public class Officers {

	static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");

	private final OfficerStore store;

	private final Units units;

	Officers(OfficerStore store, Units units) {
		this.store = store;
		this.units = units;
	}

	public Optional<Officer> find(String username) {
		return username == null ? Optional.empty() : this.store.find(username);
	}

	/** The officer's bcrypt hash, for signing in. */
	public Optional<String> passwordHash(String username) {
		return this.store.passwordHash(username);
	}

	public List<Officer> ofUnit(String unitCode) {
		return this.store.ofUnit(unitCode);
	}

	@Transactional
	public Officer register(String username, String fullName, String unitCode, Set<Role> roles, String passwordHash) {
		List<Violation> violations = new ArrayList<>();
		if (username == null || !USERNAME.matcher(username).matches()) {
			violations.add(Violation.of("username", "3 to 60 lower-case letters, digits, '.', '_' or '-'"));
		}
		else if (this.store.find(username).isPresent()) {
			violations.add(Violation.of("username", "'" + username + "' is taken"));
		}
		if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
			violations.add(Violation.of("fullName", "must not be blank, at most 200 characters"));
		}
		if (roles == null || roles.isEmpty()) {
			violations.add(Violation.of("roles", "at least one role"));
		}
		if (this.units.find(unitCode).isEmpty()) {
			violations.add(Violation.of("unitCode", "no unit has the code '" + unitCode + "'"));
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid("OFFICER_INVALID", "The officer cannot be registered", violations);
		}
		Officer officer = new Officer(username, fullName.strip(), unitCode, roles, true);
		this.store.insert(officer, passwordHash);
		return officer;
	}

}
