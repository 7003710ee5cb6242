package vn.motcua.dossier.core;

import java.util.List;

import vn.motcua.org.Role;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/** The actor's role or assignment does not allow the action (HTTP 403). */
public final class NotAllowed extends Problem {

	private NotAllowed(String detail) {
		super(Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED, detail, List.of(Violation.of("action", detail)));
	}

	static NotAllowed to(DossierAction action, String code, List<Role> roles, boolean orAssignee) {
		return new NotAllowed("'" + action.path() + "' on dossier " + code + " is for "
				+ (orAssignee ? "the current step's assignee or " : "") + "a " + roles + " of its unit");
	}

	static NotAllowed forApplicant(DossierAction action, String code) {
		return new NotAllowed("'" + action.path() + "' on dossier " + code + " is for the officers of its unit");
	}

}
