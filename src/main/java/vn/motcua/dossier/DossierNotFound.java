package vn.motcua.dossier;

import java.util.List;

import vn.motcua.shared.Problem;

/**
 * No dossier has the code, or the actor may not see it (both answer 404, so codes do not
 * leak).
 */
public final class DossierNotFound extends Problem {

	public static final String CODE = "DOSSIER_NOT_FOUND";

	private DossierNotFound(String detail) {
		super(Kind.NOT_FOUND, CODE, detail, List.of(Violation.of("code", detail)));
	}

	public static DossierNotFound forCode(String code) {
		return new DossierNotFound("No dossier '" + code + "' that you may see");
	}

}
