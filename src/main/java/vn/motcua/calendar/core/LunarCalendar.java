package vn.motcua.calendar.core;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

/**
 * The Vietnamese lunisolar calendar, computed astronomically (new moons and solar terms)
 * for a given time zone. Vietnam reckons it at UTC+7 (meridian 105° E); China at UTC+8,
 * and in some years the two differ: Tết 1985 fell on 21 January in Vietnam and on 20
 * February in China.
 * <p>
 * The method is Hồ Ngọc Đức's, after Jean Meeus, "Astronomical Algorithms" (1998);
 * accurate to the day for 1800–2199.
 */
public final class LunarCalendar {

	/** Vietnam's calendar zone, in hours east of UTC. */
	public static final double VIETNAM = 7.0;

	/** China's calendar zone, in hours east of UTC (for comparison only). */
	public static final double CHINA = 8.0;

	private static final double SYNODIC_MONTH = 29.530588853;

	private static final double NEW_MOON_1900 = 2415021.076998695;

	private final double zone;

	public LunarCalendar(double zoneHours) {
		this.zone = zoneHours;
	}

	public static LunarCalendar vietnamese() {
		return new LunarCalendar(VIETNAM);
	}

	/**
	 * The first day of the lunar year that begins in the given solar year (Tết Nguyên
	 * đán).
	 */
	public LocalDate newYear(int solarYear) {
		return toSolar(1, 1, solarYear, false);
	}

	/**
	 * The solar date of a lunar date.
	 * @param leap whether the month is the leap (intercalary) month of that number
	 * @throws IllegalArgumentException when that lunar year has no such leap month
	 */
	public LocalDate toSolar(int day, int month, int lunarYear, boolean leap) {
		int a11;
		int b11;
		if (month < 11) {
			a11 = lunarMonth11(lunarYear - 1);
			b11 = lunarMonth11(lunarYear);
		}
		else {
			a11 = lunarMonth11(lunarYear);
			b11 = lunarMonth11(lunarYear + 1);
		}
		int k = (int) Math.floor(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
		int offset = month - 11;
		if (offset < 0) {
			offset += 12;
		}
		if (b11 - a11 > 365) {
			int leapOffset = leapMonthOffset(a11);
			int leapMonth = leapOffset - 2;
			if (leapMonth < 0) {
				leapMonth += 12;
			}
			if (leap && month != leapMonth) {
				throw new IllegalArgumentException("lunar year " + lunarYear + " has no leap month " + month);
			}
			if (leap || offset >= leapOffset) {
				offset += 1;
			}
		}
		else if (leap) {
			throw new IllegalArgumentException("lunar year " + lunarYear + " has no leap month");
		}
		int monthStart = newMoonDay(k + offset);
		return fromJulianDay(monthStart + day - 1);
	}

	private static long julianDay(LocalDate date) {
		return date.getLong(JulianFields.JULIAN_DAY);
	}

	private static LocalDate fromJulianDay(long jd) {
		return LocalDate.MIN.with(JulianFields.JULIAN_DAY, jd);
	}

	/**
	 * Julian day number of the k-th new moon after 1 January 1900, at this zone's
	 * midnight.
	 */
	private int newMoonDay(int k) {
		return (int) Math.floor(newMoon(k) + 0.5 + this.zone / 24);
	}

	/**
	 * The sun's longitude at the start of a Julian day, as one of 12 sectors (0..11) of
	 * 30°.
	 */
	private int sunLongitudeSector(int dayNumber) {
		return (int) Math.floor(sunLongitude(dayNumber - 0.5 - this.zone / 24) / Math.PI * 6);
	}

	/**
	 * Julian day of the start of the 11th lunar month (holding the winter solstice) of a
	 * solar year.
	 */
	private int lunarMonth11(int year) {
		double off = julianDay(LocalDate.of(year, 12, 31)) - 2415021;
		int k = (int) Math.floor(off / SYNODIC_MONTH);
		int nm = newMoonDay(k);
		if (sunLongitudeSector(nm) >= 9) {
			nm = newMoonDay(k - 1);
		}
		return nm;
	}

	/**
	 * Which month after month 11 is the leap month: the first with no solar term inside
	 * it.
	 */
	private int leapMonthOffset(int a11) {
		int k = (int) Math.floor((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
		int last;
		int i = 1;
		int arc = sunLongitudeSector(newMoonDay(k + i));
		do {
			last = arc;
			i++;
			arc = sunLongitudeSector(newMoonDay(k + i));
		}
		while (arc != last && i < 14);
		return i - 1;
	}

	/**
	 * Julian date (UT) of the k-th new moon after 1900-01-01 (Meeus, ch. 49, simplified).
	 */
	private static double newMoon(int k) {
		double t = k / 1236.85;
		double t2 = t * t;
		double t3 = t2 * t;
		double dr = Math.PI / 180;
		double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
		jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
		double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
		double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
		double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
		double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
		c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
		c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
		c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
		c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
		c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
		c1 = c1 + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
		double deltaT;
		if (t < -11) {
			deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
		}
		else {
			deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
		}
		return jd1 + c1 - deltaT;
	}

	/** The sun's apparent longitude in radians (0..2π) at a Julian date (UT). */
	private static double sunLongitude(double jdn) {
		double t = (jdn - 2451545.0) / 36525;
		double t2 = t * t;
		double dr = Math.PI / 180;
		double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
		double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
		double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
		dl += (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
		double l = (l0 + dl) * dr;
		return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
	}

}
