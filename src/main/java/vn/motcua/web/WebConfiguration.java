package vn.motcua.web;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.SensibleTime;

/**
 * Vietnamese by default; {@code ?lang=en} switches to English and is remembered in a
 * cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("motcua-lang");
		resolver.setDefaultLocale(VIETNAMESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Multipart uploads follow the per-file limit ({@code motcua.files.max-size}, ADR
	 * 32): every part goes to disk at once (no threshold: nothing is held in memory); a
	 * part may reach twice the limit, so that a file somewhat too large is still read to
	 * its limit and refused beside its field with the rest of the form kept; a whole
	 * request may reach {@code motcua.files.max-request-size} (default eight times the
	 * limit).
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(@Value("${motcua.files.max-size:20MB}") DataSize maxSize,
			@Value("${motcua.files.max-request-size:}") String maxRequestSize) {
		long perFile = maxSize.toBytes();
		long perRequest = maxRequestSize == null || maxRequestSize.isBlank() ? perFile * 8
				: DataSize.parse(maxRequestSize).toBytes();
		return new MultipartConfigElement("", Math.max(perFile * 2, perFile + 1024 * 1024),
				Math.max(perRequest, perFile * 2), 0);
	}

	/** Body limits and control characters, before anything reads the request. */
	@Bean
	InputEdge inputEdge() {
		return new InputEdge();
	}

	/**
	 * A request the firewall refuses (an encoded U+0000 or {@code ..} in the path, an odd
	 * method): 400, as a problem detail on the API.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> InputEdge.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST,
				ProblemCode.BAD_REQUEST, "path", "is not a path this server takes");
	}

	/**
	 * Instants in query and path parameters as Spring reads them (ISO-8601), refused
	 * outside the sensible range (a 400), so that a year 300000 reaches no query.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		InstantFormatter standard = new InstantFormatter();
		registry.addFormatterForFieldType(Instant.class, standard, (text, locale) -> {
			Instant instant = standard.parse(text, locale);
			if (!SensibleTime.sensible(instant)) {
				throw new ParseException(text + " " + SensibleTime.REASON, 0);
			}
			return instant;
		});
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
