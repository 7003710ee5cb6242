package vn.motcua.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UnitApiIT {

	@Autowired
	MockMvc mvc;

	@Test
	void theDemoTreeIsThanhHoaSamSonAndThreeWards() throws Exception {
		this.mvc.perform(get("/api/v1/units").param("parent", "H56.15"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].name").value("Phường Quảng Cư"))
			.andExpect(jsonPath("$[0].workingHours").value("07:00-11:30,13:30-17:00"))
			.andExpect(jsonPath("$[0].hoursPerDay").value(8.0));
		this.mvc.perform(get("/api/v1/units/{code}", "H56")).andExpect(jsonPath("$.level").value("PROVINCE"));
	}

	@Test
	void aUnitWithItsOwnHoursAndWeekend() throws Exception {
		post("{\"code\": \"H70\", \"name\": \"Tỉnh Giờ\", \"level\": \"PROVINCE\", \"workingHours\": \"07:30-11:30,13:00-17:00\","
				+ " \"weekend\": [\"SUNDAY\"], \"sameDayCutoff\": \"16:00\"}")
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/units/H70"))
			.andExpect(jsonPath("$.weekend", hasSize(1)))
			.andExpect(jsonPath("$.sameDayCutoff").value("16:00:00"));
		// Friday 16:00 + 1 working day: Saturday is worked here
		this.mvc
			.perform(get("/api/v1/calendar/{unit}/due", "H70").param("from", "2025-03-07T16:00:00+07:00")
				.param("amount", "1")
				.param("timeUnit", "WORKING_DAYS"))
			.andExpect(jsonPath("$.dueLocal").value("2025-03-08T16:00:00+07:00"));
	}

	@Test
	void badUnitsAreRefusedNamingEachField() throws Exception {
		post("{\"code\": \"xyz\", \"name\": \"Sai\", \"level\": \"WARD\", \"parentCode\": \"H99\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'code')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'parentCode')]").exists());
		post("{\"code\": \"H56.15.40\", \"name\": \"Trùng\", \"level\": \"WARD\", \"parentCode\": \"H56.15\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		post("{\"code\": \"H71\", \"name\": \"Giờ sai\", \"level\": \"PROVINCE\", \"workingHours\": \"8h-17h\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("workingHours"));
		post("{\"code\": \"H72\", \"level\": \"PROVINCE\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		post("{\"code\": \"H73\", \"name\": \"Cấp sai\", \"level\": \"TOWN\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"));
		this.mvc.perform(get("/api/v1/units/{code}", "H72")).andExpect(status().isNotFound());
	}

	@Test
	void registeringNeedsTheAdministrator() throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/units")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"H74\", \"name\": \"X\", \"level\": \"PROVINCE\"}"))
			.andExpect(status().isUnauthorized());
	}

	private org.springframework.test.web.servlet.ResultActions post(String body) throws Exception {
		return this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/units")
				.with(httpBasic("admin", "motcua-demo"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

}
