package vn.motcua.dossier;

import java.util.List;
import java.util.Map;

import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Someone changed the dossier since it was read (HTTP 409, with the current state to act
 * on).
 */
public final class DossierChanged extends Problem {

	private final DossierView current;

	DossierChanged(DossierView current) {
		super(Kind.CONFLICT, ProblemCode.DOSSIER_CHANGED,
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
