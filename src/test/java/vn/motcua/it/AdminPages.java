package vn.motcua.it;

import java.util.Set;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.org.Actor;
import vn.motcua.org.NewUnit;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.Units;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Who signs in to the administration pages in the page tests, and units of their own. */
final class AdminPages {

	/** The system administrator, as the pages' sign-in makes them. */
	static final RequestPostProcessor ADMIN = user("admin").roles("ADMINISTRATOR");

	/** The demo ward's one-stop officer: not an administrator. */
	static final RequestPostProcessor COUNTER = user(Api.COUNTER).roles("ONE_STOP_OFFICER");

	private AdminPages() {
	}

	/** A province of the test's own, registered once. */
	static void province(Units units, String code) {
		if (units.find(code).isEmpty()) {
			units.register(new NewUnit(code, null, "Tỉnh thử " + code, UnitLevel.PROVINCE, null, null, null, null, null,
					null, null));
		}
	}

	/** An administrator of the unit (an officer with the role there), registered once. */
	static RequestPostProcessor unitAdministrator(Officers officers, String unit, String username) {
		if (officers.find(username).isEmpty()) {
			officers.register(Actor.administrator("admin"), username, "Quản trị " + unit, unit,
					Set.of(Role.ADMINISTRATOR), "mat-khau-quan-tri");
		}
		return user(username).roles("ADMINISTRATOR");
	}

}
