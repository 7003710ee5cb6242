package vn.motcua.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.calendar.core.CalendarYear;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.calendar.internal.BuiltInHolidays;
import vn.motcua.calendar.internal.CalendarYearStore;
import vn.motcua.org.Actor;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitNotFound;
import vn.motcua.org.UnitSettings;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.Problem.Violation;

/**
 * Each unit's working calendar, built from its hours and weekend in force on a day and
 * the years that apply to it: its own, else its nearest parent's, else the built-in
 * notices, else computed defaults. Calendars are cached by unit and settings version (a
 * version never changes, so a new one only adds an entry) and rebuilt after a year
 * changes.
 */
@Service
public class Calendars {

	private final Units units;

	private final CalendarYearStore store;

	private final BuiltInHolidays builtIn = BuiltInHolidays.load();

	private final Clock clock;

	/** A unit's calendar under the settings version in force from a day. */
	private record Key(String unitCode, LocalDate settingsFrom) {
	}

	private final Map<Key, WorkingCalendar> cache = new ConcurrentHashMap<>();

	/**
	 * Bumped when any year changes, so that a calendar built from older data is not
	 * cached.
	 */
	private final AtomicLong generation = new AtomicLong();

	/** Working calendars resolved for due-time computations: from the cache, or built. */
	private final Counter cached;

	private final Counter built;

	Calendars(Units units, CalendarYearStore store, Clock clock, MeterRegistry meters) {
		this.cached = meters.counter("motcua.calendars", "cache", "hit");
		this.built = meters.counter("motcua.calendars", "cache", "miss");
		this.units = units;
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The unit's calendar with the hours and weekend in force today (in Vietnam).
	 * @throws UnitNotFound when no unit has the code
	 */
	public WorkingCalendar forUnit(String unitCode) {
		return forUnit(unitCode, LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE));
	}

	/**
	 * The unit's calendar with the hours and weekend in force on the day: the one to
	 * judge a dossier received that day by.
	 * @throws UnitNotFound when no unit has the code
	 */
	public WorkingCalendar forUnit(String unitCode, LocalDate day) {
		UnitSettings settings = this.units.settingsOn(unitCode, day);
		Key key = new Key(unitCode, settings.effectiveFrom());
		WorkingCalendar cached = this.cache.get(key);
		if (cached != null) {
			this.cached.increment();
			return cached;
		}
		this.built.increment();
		long built = this.generation.get();
		Unit unit = this.units.get("unitCode", unitCode);
		Map<Integer, ResolvedYear> years = resolveAll(unit);
		WorkingCalendar calendar = new WorkingCalendar(settings.hours(), settings.weekend(),
				year -> years.containsKey(year) ? toYear(years.get(year)) : this.builtIn.year(year));
		if (this.generation.get() == built) {
			this.cache.put(key, calendar);
		}
		return calendar;
	}

	/**
	 * The unit whose calendar it is.
	 * @throws UnitNotFound when no unit has the code
	 */
	public Unit unit(String unitCode) {
		return this.units.get("unitCode", unitCode);
	}

	/** The year as it applies to the unit, with where its days come from. */
	public ResolvedYear year(String unitCode, int year) {
		requireInRange("year", year);
		Unit unit = this.units.get("unitCode", unitCode);
		ResolvedYear own = resolveAll(unit).get(year);
		WorkingCalendar calendar = forUnit(unitCode);
		int workingDays = calendar.workingDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		if (own != null) {
			return new ResolvedYear(unitCode, year, own.source(), own.origin(), own.definedBy(), workingDays,
					own.days());
		}
		CalendarYear data = this.builtIn.year(year);
		return new ResolvedYear(unitCode, year, data.source(),
				this.builtIn.hasNotice(year) ? YearOrigin.BUILT_IN : YearOrigin.COMPUTED, null, workingDays,
				data.days());
	}

	/**
	 * Sets a unit's year, replacing what it had; the unit's children inherit it unless
	 * they have their own. Only an administrator of the unit (or the system
	 * administrator) sets it.
	 * @throws Problem forbidden for anyone else; invalid naming each wrong day
	 */
	@Transactional
	public ResolvedYear putYear(Actor by, String unitCode, CalendarYear year) {
		importYears(by, unitCode, List.of(year));
		return year(unitCode, year.year());
	}

	/**
	 * Sets several years of a unit at once: all of them, or, when any is wrong, none.
	 * @throws Problem forbidden unless the actor administers the unit
	 */
	@Transactional
	public void importYears(Actor by, String unitCode, List<CalendarYear> years) {
		this.units.get("unitCode", unitCode);
		if (!by.administers(unitCode)) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Only an administrator of " + unitCode + " sets its calendar", List.of());
		}
		importYears(unitCode, years);
	}

	/**
	 * Sets several years of a unit as {@link #importYears(Actor, String, List)} does,
	 * without asking who: for loading data.
	 */
	@Transactional
	public void importYears(String unitCode, List<CalendarYear> years) {
		Unit unit = this.units.get("unitCode", unitCode);
		List<Violation> violations = new ArrayList<>();
		Map<Integer, Integer> seen = new HashMap<>();
		for (int i = 0; i < years.size(); i++) {
			CalendarYear year = years.get(i);
			String at = years.size() == 1 ? "" : "[" + i + "].";
			if (seen.put(year.year(), i) != null) {
				violations.add(Violation.of(at + "year", year.year() + " is given twice"));
			}
			for (String problem : year.problems(unit.weekend())) {
				int colon = problem.indexOf(": ");
				violations.add(Violation.of(at + problem.substring(0, colon), problem.substring(colon + 2)));
			}
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.CALENDAR_YEAR_INVALID, "The calendar data has errors; nothing was saved",
					violations);
		}
		years.forEach(year -> this.store.replace(unitCode, year));
		forgetCalendars();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// and again once committed: a calendar built meanwhile may have read the old
			// rows
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forgetCalendars();
				}
			});
		}
	}

	private void forgetCalendars() {
		this.generation.incrementAndGet();
		this.cache.clear();
	}

	private Map<Integer, ResolvedYear> resolveAll(Unit unit) {
		List<Unit> lineage = this.units.lineage(unit.code());
		Map<String, Map<Integer, CalendarYear>> loaded = this.store.forUnits(lineage.stream().map(Unit::code).toList());
		Map<Integer, ResolvedYear> years = new HashMap<>();
		for (Unit u : lineage) {
			for (CalendarYear y : loaded.getOrDefault(u.code(), Map.of()).values()) {
				years.putIfAbsent(y.year(), new ResolvedYear(unit.code(), y.year(), y.source(),
						u.code().equals(unit.code()) ? YearOrigin.UNIT : YearOrigin.INHERITED, u.code(), 0, y.days()));
			}
		}
		return years;
	}

	private static CalendarYear toYear(ResolvedYear year) {
		return new CalendarYear(year.year(), year.source(), year.days());
	}

	private static void requireInRange(String field, int year) {
		if (year < WorkingCalendar.FIRST_YEAR || year > WorkingCalendar.LAST_YEAR) {
			throw Problem.invalid(ProblemCode.YEAR_OUT_OF_RANGE, field,
					"must be between " + WorkingCalendar.FIRST_YEAR + " and " + WorkingCalendar.LAST_YEAR);
		}
	}

}
