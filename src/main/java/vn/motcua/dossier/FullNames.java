package vn.motcua.dossier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import vn.motcua.org.Officer;
import vn.motcua.org.Officers;

/**
 * Officers' full names by username, for one page or answer: each officer is looked up
 * once; a username that is no officer (the applicant of an online submission) has none.
 */
final class FullNames implements Function<String, String> {

	private final Officers officers;

	private final Map<String, Optional<String>> known = new HashMap<>();

	FullNames(Officers officers) {
		this.officers = officers;
	}

	/** With the officers of a unit known already (one query for a whole list). */
	FullNames(Officers officers, List<Officer> unitOfficers) {
		this(officers);
		unitOfficers.forEach(o -> this.known.put(o.username(), Optional.of(o.fullName())));
	}

	@Override
	public String apply(String username) {
		if (username == null) {
			return null;
		}
		int colon = username.indexOf(':');
		if (colon > 0 && !username.startsWith("online:")) {
			// an officer of a previous system, as an imported history names them (ADR 29)
			String source = username.substring(0, colon);
			String who = username.substring(colon + 1);
			return who.isEmpty() ? "Hệ thống cũ " + source : who + " (hệ thống cũ " + source + ")";
		}
		return this.known.computeIfAbsent(username, u -> this.officers.find(u).map(Officer::fullName)).orElse(null);
	}

}
