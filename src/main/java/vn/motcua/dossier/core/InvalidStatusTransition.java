package vn.motcua.dossier.core;

import java.util.List;

import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/** The action may not be taken in the dossier's current status (HTTP 409). */
public final class InvalidStatusTransition extends Problem {

	private InvalidStatusTransition(String detail) {
		super(Kind.CONFLICT, ProblemCode.INVALID_STATUS_TRANSITION, detail, List.of(Violation.of("action", detail)));
	}

	public static InvalidStatusTransition of(String dossierCode, DossierAction action, DossierStatus status) {
		return new InvalidStatusTransition("Dossier " + dossierCode + " is " + status + "; '" + action.path()
				+ "' is allowed only when it is " + DossierTransitions.of(action).from());
	}

}
