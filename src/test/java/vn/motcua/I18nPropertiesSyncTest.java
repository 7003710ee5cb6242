package vn.motcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text the pages show exists in Vietnamese and in English, and every key the
 * templates name exists.
 */
class I18nPropertiesSyncTest {

	private static final Pattern KEY = Pattern.compile("#\\{'?([a-zA-Z0-9_.]+?)'?(?:\\s*\\+|\\(|\\})");

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nPropertiesSyncTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(new TreeSet<>(load("messages_en.properties").stringPropertyNames()))
			.isEqualTo(new TreeSet<>(load("messages.properties").stringPropertyNames()));
	}

	/**
	 * A key written twice keeps its last text silently: two branches that each added
	 * {@code fee.paid} with their own words made one of them show the other's.
	 */
	@Test
	void noKeyIsWrittenTwice() throws IOException {
		for (String name : List.of("messages.properties", "messages_en.properties")) {
			Map<String, Long> counts;
			try (InputStream in = I18nPropertiesSyncTest.class.getResourceAsStream("/" + name)) {
				counts = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
					.filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("!"))
					.filter(line -> line.contains("="))
					.map(line -> line.substring(0, line.indexOf('=')).strip())
					.collect(Collectors.groupingBy(key -> key, Collectors.counting()));
			}
			assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)).as(name)
				.isEmpty();
		}
	}

	@Test
	void vietnameseTextsHaveTheirDiacritics() throws IOException {
		assertThat(load("messages.properties").getProperty("catalog.title")).isEqualTo("Thủ tục hành chính");
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		Set<String> missing = new HashSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = KEY.matcher(Files.readString(file));
				while (m.find()) {
					String key = m.group(1);
					boolean prefix = key.endsWith(".");
					if (prefix ? keys.stream().noneMatch(k -> k.startsWith(key)) : !keys.contains(key)) {
						missing.add(file.getFileName() + ": " + key);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

}
