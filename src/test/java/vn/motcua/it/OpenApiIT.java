package vn.motcua.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.core.PeriodUnit;
import vn.motcua.shared.ProblemCode;

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

	@Test
	void theProblemDetailListsEveryCodeWithItsDescription() throws Exception {
		JsonNode code = liveSpec().at("/components/schemas/ProblemDetail/properties/code");
		TreeSet<String> listed = new TreeSet<>();
		code.get("enum").forEach(name -> listed.add(name.asString()));
		assertThat(listed)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(ProblemCode.values()).map(ProblemCode::name).toList());
		assertThat(code.get("description").asString())
			.contains("`" + ProblemCode.UNIT_NOT_FOUND.name() + "`: " + ProblemCode.UNIT_NOT_FOUND.description());
		assertThat(liveSpec().at("/paths/~1api~1v1~1units/get/responses/default/content")
			.get("application/problem+json")
			.at("/schema/$ref")
			.asString()).isEqualTo("#/components/schemas/ProblemDetail");
	}

	@Test
	void theDueTimesUnitParameterIsDeprecatedForTimeUnit() throws Exception {
		JsonNode parameters = liveSpec().at("/paths/~1api~1v1~1calendar~1{unitCode}~1due/get/parameters");
		JsonNode unit = null;
		JsonNode timeUnit = null;
		for (JsonNode parameter : parameters) {
			unit = "unit".equals(parameter.get("name").asString()) ? parameter : unit;
			timeUnit = "timeUnit".equals(parameter.get("name").asString()) ? parameter : timeUnit;
		}
		assertThat(unit).isNotNull();
		assertThat(unit.path("deprecated").asBoolean()).isTrue();
		assertThat(timeUnit).isNotNull();
		assertThat(timeUnit.path("deprecated").asBoolean()).isFalse();
		assertThat(timeUnit.at("/schema/enum").size()).isEqualTo(PeriodUnit.values().length);
	}

	@Test
	void aDossiersStepsAreDescribedAsTheyAreWithTheOfficersNames() throws Exception {
		JsonNode spec = liveSpec();
		assertThat(spec.at("/components/schemas/DossierView/properties/steps/items/$ref").asString())
			.isEqualTo("#/components/schemas/DossierStep");
		assertThat(spec.at("/components/schemas/DossierStep/properties").has("assigneeName")).isTrue();
		assertThat(spec.at("/components/schemas/DossierStep/properties").has("completedByName")).isTrue();
		assertThat(spec.at("/components/schemas/HistoryEntry/properties").has("facts")).isTrue();
	}

	private JsonNode liveSpec() throws Exception {
		byte[] live = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return JsonMapper.builder().build().readTree(live);
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
