package vn.motcua.org;

import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/** No unit has the code asked for. */
public final class UnitNotFound extends Problem {

	private UnitNotFound(String field, String unitCode) {
		super(Kind.NOT_FOUND, ProblemCode.UNIT_NOT_FOUND, "No unit has the code '" + unitCode + "'",
				java.util.List.of(Violation.of(field, "no unit has the code '" + unitCode + "'")));
	}

	/**
	 * @param field the request field that named the unit
	 */
	public static UnitNotFound forCode(String field, String unitCode) {
		return new UnitNotFound(field, unitCode);
	}

}
