package vn.motcua.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The codes the application answers with are the constants of {@link ProblemCode}. */
class ProblemCodeTest {

	private static final Set<String> NAMES = Arrays.stream(ProblemCode.values())
		.map(ProblemCode::name)
		.collect(Collectors.toSet());

	/** The pages' words for a problem without a message of its own, and a wrong value. */
	private static final Set<String> GENERAL = Set.of("problem.unknown", "problem.field");

	/**
	 * A code still given as text: the first argument of {@code Problem.invalid},
	 * {@code Problem.notFound}, {@code new Problem(kind, …)} or {@code super(kind, …)},
	 * or a {@code CODE} constant.
	 */
	@Test
	void everyProblemMessageNamesACode() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
			Set<String> stale = new TreeSet<>();
			for (String key : load(file).stringPropertyNames()) {
				if (!key.startsWith("problem.") || GENERAL.contains(key)) {
					continue;
				}
				// problem.<CODE>, or problem.<CODE>.<field> for one field's words
				String rest = key.substring("problem.".length());
				String code = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
				if (!NAMES.contains(code)) {
					stale.add(key);
				}
			}
			assertThat(stale).as("keys of %s that name no ProblemCode", file).isEmpty();
		}
	}

	@Test
	void theMessageKeyIsTheCodesName() {
		Problem problem = Problem.invalid(ProblemCode.FILE_INVALID, "file", "the file is empty");
		assertThat(problem.code()).isEqualTo("FILE_INVALID");
		assertThat(problem.kind()).isEqualTo(Problem.Kind.INVALID);
		assertThat(problem.violations()).containsExactly(Problem.Violation.of("file", "the file is empty"));
	}

	@Test
	void everyCodeHasADescription() {
		assertThat(ProblemCode.values()).allSatisfy(code -> assertThat(code.description()).isNotBlank());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ProblemCodeTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
