package vn.motcua.web;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
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
