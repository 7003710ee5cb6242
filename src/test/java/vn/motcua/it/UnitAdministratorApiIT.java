package vn.motcua.it;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.YearOrigin;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;
import vn.motcua.org.Role;
import vn.motcua.org.Units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Through the API as on the pages, an officer who administers one unit registers units
 * under it, imports its catalog and sets its calendar, and none of another unit's.
 */
@IntegrationTest
class UnitAdministratorApiIT {

	static final String UNIT = "H98";

	static final String CSV = "code,name,field,level,statutoryAmount,statutoryUnit,committedAmount,committedUnit,onlineLevel\n"
			+ "1.009101,Thủ tục thử,Thử nghiệm,COMMUNE,5,WORKING_DAYS,3,WORKING_DAYS,NONE\n";

	static final String YEAR = "{\"days\": [{\"date\": \"2031-01-01\", \"kind\": \"HOLIDAY\", \"name\": \"Tết\"}]}";

	@Autowired
	MockMvc mvc;

	@Autowired
	Units units;

	@Autowired
	Officers officers;

	@Autowired
	Calendars calendars;

	RequestPostProcessor unitAdmin;

	@BeforeEach
	void aUnitAndItsAdministrator() {
		AdminPages.province(this.units, UNIT);
		if (this.officers.find("h98.quantri").isEmpty()) {
			this.officers.register(Actor.administrator("admin"), "h98.quantri", "Quản trị H98", UNIT,
					Set.of(Role.ADMINISTRATOR), "mat-khau-h98-quantri");
		}
		this.unitAdmin = httpBasic("h98.quantri", "mat-khau-h98-quantri");
	}

	@Test
	void anotherUnitsCatalogCalendarAndChildrenAreRefused() throws Exception {
		this.mvc
			.perform(post("/api/v1/procedures/import").param("unit", Api.WARD)
				.with(this.unitAdmin)
				.contentType("text/csv")
				.content(CSV))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("NOT_ALLOWED"));
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", Api.WARD, 2031).with(this.unitAdmin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(YEAR))
			.andExpect(status().isForbidden());
		assertThat(this.calendars.year(Api.WARD, 2031).origin()).isNotEqualTo(YearOrigin.UNIT);
		this.mvc
			.perform(post("/api/v1/units").with(this.unitAdmin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"H56.15.99\", \"parentCode\": \"H56.15\", \"name\": \"Phường không được phép\", "
						+ "\"level\": \"WARD\"}"))
			.andExpect(status().isForbidden());
		assertThat(this.units.find("H56.15.99")).isEmpty();
	}

	@Test
	void theirOwnUnitsCatalogCalendarAndChildrenAreTaken() throws Exception {
		this.mvc
			.perform(post("/api/v1/procedures/import").param("unit", UNIT)
				.with(this.unitAdmin)
				.contentType("text/csv")
				.content(CSV))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
		this.mvc
			.perform(put("/api/v1/calendar/{unit}/years/{year}", UNIT, 2031).with(this.unitAdmin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(YEAR))
			.andExpect(status().isOk());
		assertThat(this.calendars.year(UNIT, 2031).origin()).isEqualTo(YearOrigin.UNIT);
		this.mvc
			.perform(post("/api/v1/units").with(this.unitAdmin)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"" + UNIT + ".01\", \"parentCode\": \"" + UNIT
						+ "\", \"name\": \"Thành phố thử H98\", \"level\": \"CITY\"}"))
			.andExpect(status().isCreated());
	}

}
