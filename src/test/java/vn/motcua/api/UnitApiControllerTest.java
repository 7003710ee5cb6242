package vn.motcua.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.org.Actor;
import vn.motcua.org.NewUnitSettings;
import vn.motcua.org.Officers;
import vn.motcua.org.SupplementMode;
import vn.motcua.org.UnitSettings;
import vn.motcua.org.Units;
import vn.motcua.shared.WorkingHours;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Units and their settings versions: registering checks its fields before the
 * organisation sees them; a settings version is made by who administers the unit, with
 * its hours read from the text; changes are for administrators.
 */
@ApiSliceTest(UnitApiController.class)
class UnitApiControllerTest {

	static final Actor ADMIN = Actor.administrator("admin");

	@Autowired
	MockMvc mvc;

	@Autowired
	Officers officers;

	@MockitoBean
	Units units;

	@BeforeEach
	void theSignedInUserIsTheAdministrator() {
		given(this.officers.actor(any(Authentication.class))).willReturn(ADMIN);
	}

	@Test
	void aSettingsVersionIsAddedByWhoAdministersTheUnit() throws Exception {
		LocalDate from = LocalDate.of(2026, 12, 10);
		given(this.units.addSettings(eq(ADMIN), eq("H1"), any(NewUnitSettings.class)))
			.willReturn(new UnitSettings(from, WorkingHours.parse("08:00-12:00,13:00-17:00"),
					Set.of(java.time.DayOfWeek.SUNDAY), LocalTime.of(15, 0), SupplementMode.RESTART));
		this.mvc
			.perform(post("/api/v1/units/{code}/settings", "H1").with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"effectiveFrom": "2026-12-10", "workingHours": "08:00-12:00,13:00-17:00",
						 "weekend": ["SUNDAY"], "supplementMode": "RESTART"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/units/H1/settings/2026-12-10"))
			.andExpect(jsonPath("$.workingHours").value("08:00-12:00,13:00-17:00"))
			.andExpect(jsonPath("$.hoursPerDay").value(8.0))
			.andExpect(jsonPath("$.supplementMode").value("RESTART"));
		then(this.units).should()
			.addSettings(ADMIN, "H1", new NewUnitSettings(from, WorkingHours.parse("08:00-12:00,13:00-17:00"),
					Set.of(java.time.DayOfWeek.SUNDAY), null, SupplementMode.RESTART));
	}

	@Test
	void unreadableHoursAreNamedAndNothingIsRecorded() throws Exception {
		this.mvc
			.perform(post("/api/v1/units/{code}/settings", "H1").with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"effectiveFrom\": \"2026-12-10\", \"workingHours\": \"8h-17h\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("UNIT_SETTINGS_INVALID"))
			.andExpect(jsonPath("$.errors[0].field").value("workingHours"));
		then(this.units).should(never()).addSettings(any(), any(), any());
	}

	@Test
	void aUnitToRegisterIsCheckedBeforeTheOrganisationSeesIt() throws Exception {
		this.mvc
			.perform(post("/api/v1/units").with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"\", \"name\": \"Phường thử\", \"level\": \"WARD\", \"email\": \"khong-phai\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("INVALID_REQUEST"))
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("code", "email")));
		then(this.units).should(never()).register(any(), any());
	}

	@Test
	void changesAreForAdministrators() throws Exception {
		this.mvc
			.perform(post("/api/v1/units/{code}/settings", "H1").with(user("lanhdao").roles("LEADER"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"effectiveFrom\": \"2026-12-10\"}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/units/{code}/settings", "H1").contentType(MediaType.APPLICATION_JSON)
				.content("{\"effectiveFrom\": \"2026-12-10\"}"))
			.andExpect(status().isUnauthorized());
		then(this.units).should(never()).addSettings(any(), any(), any());
	}

}
