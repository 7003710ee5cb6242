package vn.motcua.catalog;

import java.util.List;

import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/** No procedure of that code is in force at the unit on the day asked about. */
public final class ProcedureNotFound extends Problem {

	private ProcedureNotFound(String detail) {
		super(Kind.NOT_FOUND, ProblemCode.PROCEDURE_NOT_FOUND, detail, List.of(Violation.of("code", detail)));
	}

	public static ProcedureNotFound forCode(String unitCode, String code) {
		return new ProcedureNotFound("No procedure '" + code + "' at unit '" + unitCode + "'");
	}

}
