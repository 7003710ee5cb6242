package vn.motcua.org;

import java.util.List;

import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/** No officer has the username asked for. */
public final class OfficerNotFound extends Problem {

	private OfficerNotFound(String username) {
		super(Kind.NOT_FOUND, ProblemCode.OFFICER_NOT_FOUND, "No officer has the username '" + username + "'",
				List.of(Violation.of("username", "no officer has the username '" + username + "'")));
	}

	public static OfficerNotFound forUsername(String username) {
		return new OfficerNotFound(username);
	}

}
