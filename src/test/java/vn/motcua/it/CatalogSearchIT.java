package vn.motcua.it;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog's search as the counter and citizens use it: by the code, with or without
 * its dots, and by words without accents, the best match first.
 */
@IntegrationTest
class CatalogSearchIT {

	@Autowired
	MockMvc mvc;

	@Test
	void theCodeFindsItsProcedureWithOrWithoutItsDots() throws Exception {
		for (String code : new String[] { "1.001193", "1001193", "001193", " 1.001193 " }) {
			this.mvc.perform(get("/api/v1/procedures").param("unit", Api.WARD).param("q", code))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.items[0].code").value("1.001193"))
				.andExpect(jsonPath("$.items[0].name").value("Đăng ký khai sinh"));
		}
		this.mvc.perform(get("/thu-tuc").param("q", "1.001193"))
			.andExpect(content().string(containsString("1 thủ tục phù hợp")))
			.andExpect(content().string(containsString("Đăng ký khai sinh</span>")));
	}

	@Test
	void wordsWithoutAccentsFindTheBestMatchFirst() throws Exception {
		this.mvc.perform(get("/api/v1/procedures").param("unit", Api.WARD).param("q", "khai sinh"))
			.andExpect(jsonPath("$.items[0].name").value("Đăng ký khai sinh"))
			.andExpect(jsonPath("$.items[?(@.name == 'Đăng ký lại khai sinh')]").exists());
		this.mvc.perform(get("/api/v1/procedures").param("unit", Api.WARD).param("q", "dang ky ket hon"))
			.andExpect(jsonPath("$.items[0].name").value("Đăng ký kết hôn"));
	}

}
