package vn.motcua.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates and instants the application takes from outside (issue 10): from 1 Jan 1900
 * to the end of 2199. A dossier, a holiday or a report lies far inside; a year 300000 or
 * beyond {@link Instant}'s range is a mistake or an attack, and PostgreSQL would refuse
 * to store it.
 */
public final class SensibleTime {

	public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

	public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

	public static final String REASON = "must lie between 1900-01-01 and 2199-12-31";

	private static final Instant FIRST = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.ofHours(14));

	private static final Instant END = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.ofHours(-14));

	private SensibleTime() {
	}

	public static boolean sensible(Instant instant) {
		return instant == null || (!instant.isBefore(FIRST) && instant.isBefore(END));
	}

	public static boolean sensible(LocalDate day) {
		return day == null || (!day.isBefore(FIRST_DAY) && !day.isAfter(LAST_DAY));
	}

}
