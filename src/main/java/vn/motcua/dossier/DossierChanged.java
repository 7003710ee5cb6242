package vn.motcua.dossier;

import java.util.List;
import java.util.Map;

import vn.motcua.shared.Problem;

/**
 * Someone changed the dossier since it was read (HTTP 409, with the current state to act
 * on).
 */
public final class DossierChanged extends Problem {

	public static final String CODE = "DOSSIER_CHANGED";

	private final DossierView current;

	DossierChanged(DossierView current) {
		super(Kind.CONFLICT, CODE,
				"Dossier " + current.code() + " was changed by someone else; it is now " + current.status()
						+ " (version " + current.version() + ")",
				List.of(Violation.of("version", "the dossier is now at version " + current.version())));
		this.current = current;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("current", this.current);
	}

}
