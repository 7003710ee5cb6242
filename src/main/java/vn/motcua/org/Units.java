package vn.motcua.org;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.org.internal.UnitStore;
import vn.motcua.org.internal.UnitStore.UnitRow;
import vn.motcua.shared.PlainText;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.Problem.Violation;
import vn.motcua.shared.WorkingHours;

/**
 * The tree of units and their settings versions: look-ups and registration. A
 * {@link Unit} carries the settings in force today.
 */
@Service
public class Units {

	/**
	 * An e-identifier code: a letter and two digits, then dot-separated segments, e.g.
	 * {@code H56.15.40}.
	 */
	static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4}){0,4}");

	/** The longest address, phone, e-mail and hours ({@code org_unit}'s columns). */
	static final int MAX_ADDRESS = 300;

	static final int MAX_PHONE = 30;

	static final int MAX_EMAIL = 120;

	static final int MAX_HOURS = 100;

	private final UnitStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * The tree as found so far; units are only ever added and their place never changes,
	 * so an entry never goes stale.
	 */
	private final Map<String, UnitRow> tree = new ConcurrentHashMap<>();

	/** Each unit's settings versions as last read, served while fresh (ADR 13). */
	private final Map<String, SettingsHistory> settings = new ConcurrentHashMap<>();

	/**
	 * Bumped when this instance adds a version, so that versions read before it are not
	 * cached.
	 */
	private final AtomicLong generation = new AtomicLong();

	Units(UnitStore store, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	public Optional<Unit> find(String code) {
		if (code == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return row(code).map(row -> unit(row, history(code, now).on(day(now))));
	}

	/**
	 * @param field the request field that named the unit, for the error
	 * @throws UnitNotFound when there is none
	 */
	public Unit get(String field, String code) {
		return find(code).orElseThrow(() -> UnitNotFound.forCode(field, code));
	}

	public List<Unit> all() {
		return withSettings(this.store.all());
	}

	/** The wards and communes: the units with a one-stop shop. */
	public List<Unit> withOneStopShop() {
		return all().stream().filter(u -> u.level() == UnitLevel.WARD || u.level() == UnitLevel.COMMUNE).toList();
	}

	public List<Unit> children(String parentCode) {
		return withSettings(this.store.children(parentCode));
	}

	/** The unit and its ancestors, from the unit up to its province. */
	public List<Unit> lineage(String code) {
		List<Unit> lineage = new ArrayList<>();
		Optional<Unit> unit = find(code);
		while (unit.isPresent() && lineage.size() < 10) {
			lineage.add(unit.get());
			unit = find(unit.get().parentCode());
		}
		return lineage;
	}

	/**
	 * The unit's settings in force on the day (in Vietnam).
	 * @throws UnitNotFound when no unit has the code
	 */
	public UnitSettings settingsOn(String unitCode, LocalDate day) {
		if (row(unitCode).isEmpty()) {
			throw UnitNotFound.forCode("unitCode", unitCode);
		}
		return history(unitCode, this.clock.instant()).on(day);
	}

	/**
	 * All the unit's settings versions, oldest first, as the database has them now.
	 * @throws UnitNotFound when no unit has the code
	 */
	public List<UnitSettings> settingsVersions(String unitCode) {
		if (row(unitCode).isEmpty()) {
			throw UnitNotFound.forCode("unitCode", unitCode);
		}
		return this.store.settings(unitCode);
	}

	/**
	 * Adds a version of the unit's settings, in force from its date until a later
	 * version's. The past is not rewritten: the date must be today (in Vietnam) or later.
	 * @param recordedBy the administrator who adds it
	 * @throws UnitNotFound when no unit has the code
	 * @throws Problem invalid for a date in the past or a wrong value; conflict when the
	 * unit has a version from that date already
	 */
	@Transactional
	public UnitSettings addSettings(Actor by, String unitCode, NewUnitSettings request) {
		if (row(unitCode).isEmpty()) {
			throw UnitNotFound.forCode("unitCode", unitCode);
		}
		if (!by.administers(unitCode)) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Only an administrator of " + unitCode + " sets its hours, weekend, cut-off and supplement mode",
					List.of(Violation.of("unitCode", "not a unit you administer")));
		}
		String recordedBy = by.username();
		LocalDate today = day(this.clock.instant());
		List<Violation> violations = new ArrayList<>();
		if (request.effectiveFrom() == null) {
			violations.add(Violation.of("effectiveFrom", "is required"));
		}
		else if (!request.effectiveFrom().isAfter(today)) {
			// dossiers received today were promised due times under today's settings
			violations.add(Violation.of("effectiveFrom", "must be after today (" + today
					+ "): the past is not rewritten, nor today, whose receipts promised their due times"));
		}
		if (request.weekend() != null && request.weekend().size() > 5) {
			violations.add(Violation.of("weekend", "a week needs at least two working days"));
		}
		checkHours(violations, request.hours());
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.UNIT_SETTINGS_INVALID, "The settings cannot be recorded", violations);
		}
		List<UnitSettings> versions = this.store.settings(unitCode);
		if (versions.stream().anyMatch(v -> v.effectiveFrom().equals(request.effectiveFrom()))) {
			throw exists(unitCode, request.effectiveFrom());
		}
		UnitSettings before = SettingsHistory.readAt(versions, this.clock.instant()).on(request.effectiveFrom());
		UnitSettings version = new UnitSettings(request.effectiveFrom(),
				request.hours() != null ? request.hours() : before.hours(),
				request.weekend() != null ? request.weekend() : before.weekend(),
				request.sameDayCutoff() != null ? request.sameDayCutoff() : before.sameDayCutoff(),
				request.supplementMode() != null ? request.supplementMode() : before.supplementMode());
		try {
			this.store.insertSettings(unitCode, version, recordedBy);
		}
		catch (DuplicateKeyException ex) {
			throw exists(unitCode, request.effectiveFrom());
		}
		forgetSettings(unitCode);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// and again once committed: a read meanwhile may have seen the versions
			// before it
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					forgetSettings(unitCode);
				}
			});
		}
		return version;
	}

	/**
	 * Registers a unit, for the system administrator or an administrator of the unit it
	 * sits under (a city's administrator registers its wards).
	 * @throws Problem forbidden for anyone else; invalid as {@link #register(NewUnit)}
	 */
	@Transactional
	public Unit register(Actor by, NewUnit request) {
		if (!by.isAdministrator() && (request.parentCode() == null || !by.administers(request.parentCode()))) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Only the administrator, or an administrator of the unit above, registers a unit",
					List.of(Violation.of("parentCode", "not a unit you administer")));
		}
		return register(request);
	}

	/**
	 * Registers a unit as given, without asking who: for loading data (the demo ward,
	 * tests) and for {@link #register(Actor, NewUnit)}.
	 * @throws Problem invalid naming each wrong field
	 */
	@Transactional
	public Unit register(NewUnit request) {
		List<Violation> violations = new ArrayList<>();
		if (request.code() == null || !CODE.matcher(request.code()).matches()) {
			violations.add(Violation.of("code", "an e-identifier code reads like H56 or H56.15.40"));
		}
		else if (this.store.find(request.code()).isPresent()) {
			violations.add(Violation.of("code", "a unit with the code '" + request.code() + "' exists already"));
		}
		if (request.name() == null || request.name().isBlank()) {
			violations.add(Violation.of("name", "must not be blank"));
		}
		else if (request.name().length() > 200) {
			violations.add(Violation.of("name", "must be at most 200 characters"));
		}
		if (request.level() == null) {
			violations.add(Violation.of("level", "must be one of PROVINCE, CITY, WARD, COMMUNE"));
		}
		if (request.parentCode() != null) {
			Optional<UnitRow> parent = this.store.find(request.parentCode());
			if (parent.isEmpty()) {
				violations.add(Violation.of("parentCode", "no unit has the code '" + request.parentCode() + "'"));
			}
			else if (request.level() != null && !request.level().mayBeUnder(parent.get().level())) {
				violations
					.add(Violation.of("level", "a " + request.level() + " cannot sit under a " + parent.get().level()));
			}
			else if (request.code() != null && !request.code().startsWith(request.parentCode() + ".")) {
				violations
					.add(Violation.of("code", "must start with the parent's code '" + request.parentCode() + ".'"));
			}
		}
		else if (request.level() != null && request.level() != UnitLevel.PROVINCE) {
			violations.add(Violation.of("parentCode", "only a PROVINCE has no parent"));
		}
		checkText(violations, "name", request.name());
		checkLength(violations, "address", request.address(), MAX_ADDRESS);
		checkLength(violations, "phone", request.phone(), MAX_PHONE);
		checkLength(violations, "email", request.email(), MAX_EMAIL);
		if (request.weekend() != null && request.weekend().size() > 5) {
			violations.add(Violation.of("weekend", "a week needs at least two working days"));
		}
		checkHours(violations, request.hours());
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.UNIT_INVALID, "The unit cannot be registered", violations);
		}
		WorkingHours hours = request.hours() != null ? request.hours() : WorkingHours.STANDARD;
		UnitRow row = new UnitRow(request.code(), request.parentCode(), request.name().strip(), request.level(),
				blankToNull(request.address()), blankToNull(request.phone()), blankToNull(request.email()));
		UnitSettings first = new UnitSettings(UnitSettings.FLOOR, hours,
				request.weekend() != null ? request.weekend() : NewUnit.DEFAULT_WEEKEND,
				request.sameDayCutoff() != null ? request.sameDayCutoff() : NewUnit.DEFAULT_CUTOFF,
				request.supplementMode() != null ? request.supplementMode() : SupplementMode.PAUSE_ADDED);
		this.store.insert(row);
		this.store.insertSettings(row.code(), first, null);
		this.events.publishEvent(new UnitRegistered(row.code(), row.parentCode()));
		return unit(row, first);
	}

	private Optional<UnitRow> row(String code) {
		if (code == null) {
			return Optional.empty();
		}
		UnitRow cached = this.tree.get(code);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<UnitRow> row = this.store.find(code);
		row.ifPresent(r -> this.tree.put(code, r));
		return row;
	}

	private SettingsHistory history(String code, Instant now) {
		SettingsHistory cached = this.settings.get(code);
		if (cached != null && cached.freshAt(now)) {
			return cached;
		}
		long read = this.generation.get();
		SettingsHistory history = SettingsHistory.readAt(this.store.settings(code), now);
		if (this.generation.get() == read) {
			this.settings.put(code, history);
		}
		return history;
	}

	/** The units with today's settings; the settings not fresh in memory read at once. */
	private List<Unit> withSettings(List<UnitRow> rows) {
		Instant now = this.clock.instant();
		Set<String> stale = new LinkedHashSet<>();
		for (UnitRow row : rows) {
			this.tree.putIfAbsent(row.code(), row);
			SettingsHistory cached = this.settings.get(row.code());
			if (cached == null || !cached.freshAt(now)) {
				stale.add(row.code());
			}
		}
		long read = this.generation.get();
		Map<String, List<UnitSettings>> loaded = this.store.settings(stale);
		boolean current = this.generation.get() == read;
		LocalDate today = day(now);
		List<Unit> units = new ArrayList<>(rows.size());
		for (UnitRow row : rows) {
			SettingsHistory history;
			if (stale.contains(row.code())) {
				history = SettingsHistory.readAt(loaded.getOrDefault(row.code(), List.of()), now);
				if (current) {
					this.settings.put(row.code(), history);
				}
			}
			else {
				SettingsHistory cached = this.settings.get(row.code());
				history = cached != null ? cached : history(row.code(), now);
			}
			units.add(unit(row, history.on(today)));
		}
		return units;
	}

	private void forgetSettings(String code) {
		this.generation.incrementAndGet();
		this.settings.remove(code);
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, UnitSettings.ZONE);
	}

	private static Unit unit(UnitRow row, UnitSettings settings) {
		return new Unit(row.code(), row.parentCode(), row.name(), row.level(), row.address(), row.phone(), row.email(),
				settings.hours(), settings.weekend(), settings.sameDayCutoff(), settings.supplementMode());
	}

	private static Problem exists(String unitCode, LocalDate day) {
		return new Problem(Problem.Kind.CONFLICT, ProblemCode.UNIT_SETTINGS_EXIST,
				"The unit " + unitCode + " has settings from " + day + " already; add a version from another day",
				List.of(Violation.of("effectiveFrom", "the unit has settings from " + day + " already")));
	}

	/** The hours as they are written to their column ({@code working_hours}). */
	private static void checkHours(List<Violation> violations, WorkingHours hours) {
		if (hours != null && hours.toString().length() > MAX_HOURS) {
			violations.add(Violation.of("workingHours", "at most " + MAX_HOURS + " characters written out"));
		}
	}

	private static void checkLength(List<Violation> violations, String field, String text, int max) {
		if (text != null && text.strip().length() > max) {
			violations.add(Violation.of(field, "must be at most " + max + " characters"));
		}
		else {
			checkText(violations, field, text);
		}
	}

	private static void checkText(List<Violation> violations, String field, String text) {
		if (PlainText.hasControl(text)) {
			violations.add(Violation.of(field, "must not hold control characters"));
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The units below the unit, at every depth, nearest first. */
	public List<Unit> descendants(String code) {
		List<Unit> below = new ArrayList<>(children(code));
		for (int i = 0; i < below.size() && below.size() < 10_000; i++) {
			below.addAll(children(below.get(i).code()));
		}
		return below;
	}

}
