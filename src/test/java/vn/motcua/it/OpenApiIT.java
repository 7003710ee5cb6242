package vn.motcua.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checked-in OpenAPI spec ({@code docs/openapi.json}) describes the API as it is: the
 * same paths and operations. The live spec is written to {@code target/openapi.json};
 * copy it over when the API changes.
 */
@IntegrationTest
class OpenApiIT {

	@Autowired
	MockMvc mvc;

	@Test
	void theCheckedInSpecMatchesTheLiveOne() throws Exception {
		byte[] live = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		JsonNode liveSpec = json.readTree(live);
		Files.writeString(Path.of("target/openapi.json"), json.writeValueAsString(liveSpec), StandardCharsets.UTF_8);
		JsonNode checkedIn = json.readTree(Files.readString(Path.of("docs/openapi.json")));
		assertThat(operations(checkedIn)).as("docs/openapi.json is out of date; copy target/openapi.json over it")
			.isEqualTo(operations(liveSpec));
		assertThat(operations(liveSpec)).contains("GET /api/v1/calendar/{unitCode}/due",
				"POST /api/v1/procedures/import", "GET /api/v1/units");
	}

	private static TreeSet<String> operations(JsonNode spec) {
		TreeSet<String> operations = new TreeSet<>();
		spec.get("paths")
			.properties()
			.forEach(path -> path.getValue()
				.propertyNames()
				.forEach(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
		return operations;
	}

}
