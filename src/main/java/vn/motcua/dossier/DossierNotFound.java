package vn.motcua.dossier;

import java.util.List;

import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * No dossier has the code, or the actor may not see it (both answer 404, so codes do not
 * leak).
 */
public final class DossierNotFound extends Problem {

	private DossierNotFound(String detail) {
		super(Kind.NOT_FOUND, ProblemCode.DOSSIER_NOT_FOUND, detail, List.of(Violation.of("code", detail)));
	}

	public static DossierNotFound forCode(String code) {
		return new DossierNotFound("No dossier '" + code + "' that you may see");
	}

}
