package vn.motcua.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.core.CalendarYear;
import vn.motcua.calendar.core.DefaultHolidays;

/**
 * The national holiday years shipped with MotCua (the notices of 2023–2026,
 * {@code calendar/vn-holidays.json}), and computed defaults for the other years. Units
 * override any year with data of their own.
 */
public final class BuiltInHolidays {

	static final String RESOURCE = "/calendar/vn-holidays.json";

	private static final DefaultHolidays DEFAULTS = DefaultHolidays.vietnamese();

	private final Map<Integer, CalendarYear> notices;

	private BuiltInHolidays(Map<Integer, CalendarYear> notices) {
		this.notices = notices;
	}

	public static BuiltInHolidays load() {
		try (InputStream in = BuiltInHolidays.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			CalendarYear[] years = JsonMapper.builder().build().readValue(in, CalendarYear[].class);
			return new BuiltInHolidays(Arrays.stream(years)
				.collect(Collectors.toUnmodifiableMap(CalendarYear::year, Function.identity())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether the year comes from a loaded notice rather than the computed defaults. */
	public boolean hasNotice(int year) {
		return this.notices.containsKey(year);
	}

	public CalendarYear year(int year) {
		CalendarYear notice = this.notices.get(year);
		return notice != null ? notice : DEFAULTS.forYear(year);
	}

}
