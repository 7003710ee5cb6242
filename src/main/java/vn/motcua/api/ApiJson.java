package vn.motcua.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.motcua.shared.PlainText;
import vn.motcua.shared.SensibleTime;

/**
 * How the API reads JSON (issue 10, ADR 21): as the application's mapper does, but a text
 * holding a control character (U+0000 above all) and a null item in a list are refused,
 * answered 400 with the field's path. Only the API's reader is strict; what the
 * application stores and reads back as JSON (events, history facts) is not touched.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiJson implements WebMvcConfigurer {

	static final String CONTROL_CHARACTER = "holds a control character (such as U+0000)";

	private final JsonMapper mapper;

	ApiJson(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Replaces the JSON converter Spring Boot configured (it runs after Boot's
	 * configurer), in its place among the others.
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		SimpleModule plainText = new SimpleModule("motcua-plain-text");
		plainText.addDeserializer(String.class, new PlainTextDeserializer());
		plainText.addDeserializer(Instant.class,
				new SensibleDeserializer<>(Instant.class, InstantDeserializer.INSTANT, SensibleTime::sensible));
		plainText.addDeserializer(LocalDate.class,
				new SensibleDeserializer<>(LocalDate.class, LocalDateDeserializer.INSTANCE, SensibleTime::sensible));
		JsonMapper strict = this.mapper.rebuild()
			.changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
			.addModule(plainText)
			.build();
		builder.withJsonConverter(new JacksonJsonHttpMessageConverter(strict));
	}

	/**
	 * A date or instant as the standard reader takes it, refused outside the sensible
	 * range.
	 */
	static final class SensibleDeserializer<T> extends StdScalarDeserializer<T> {

		private final ValueDeserializer<T> standard;

		private final Predicate<T> sensible;

		SensibleDeserializer(Class<T> type, ValueDeserializer<T> standard, Predicate<T> sensible) {
			super(type);
			this.standard = standard;
			this.sensible = sensible;
		}

		@Override
		@SuppressWarnings("unchecked")
		public T deserialize(JsonParser parser, DeserializationContext context) {
			T value = this.standard.deserialize(parser, context);
			if (!this.sensible.test(value)) {
				return (T) context.handleWeirdStringValue(handledType(), String.valueOf(value), SensibleTime.REASON);
			}
			return value;
		}

	}

	/**
	 * A JSON text as the standard reader takes it, refused when it holds a control
	 * character.
	 */
	static final class PlainTextDeserializer extends StdScalarDeserializer<String> {

		PlainTextDeserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String text = StringDeserializer.instance.deserialize(parser, context);
			if (PlainText.hasControl(text)) {
				return (String) context.handleWeirdStringValue(String.class, text, CONTROL_CHARACTER);
			}
			return text;
		}

	}

}
