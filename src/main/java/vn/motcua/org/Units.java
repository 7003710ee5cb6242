package vn.motcua.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.org.internal.UnitStore;
import vn.motcua.shared.Problem;
import vn.motcua.shared.Problem.Violation;
import vn.motcua.shared.WorkingHours;

/** The tree of units: look-ups and registration. */
@Service
public class Units {

	/**
	 * An e-identifier code: a letter and two digits, then dot-separated segments, e.g.
	 * {@code H56.15.40}.
	 */
	static final Pattern CODE = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4}){0,4}");

	private final UnitStore store;

	private final ApplicationEventPublisher events;

	/** Units found so far; units are only ever added, so an entry never goes stale. */
	private final java.util.Map<String, Unit> cache = new ConcurrentHashMap<>();

	Units(UnitStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	public Optional<Unit> find(String code) {
		if (code == null) {
			return Optional.empty();
		}
		Unit cached = this.cache.get(code);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Unit> unit = this.store.find(code);
		unit.ifPresent(u -> this.cache.put(code, u));
		return unit;
	}

	/**
	 * @param field the request field that named the unit, for the error
	 * @throws UnitNotFound when there is none
	 */
	public Unit get(String field, String code) {
		return find(code).orElseThrow(() -> UnitNotFound.forCode(field, code));
	}

	public List<Unit> all() {
		return this.store.all();
	}

	/** The wards and communes: the units with a one-stop shop. */
	public List<Unit> withOneStopShop() {
		return all().stream().filter(u -> u.level() == UnitLevel.WARD || u.level() == UnitLevel.COMMUNE).toList();
	}

	public List<Unit> children(String parentCode) {
		return this.store.children(parentCode);
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
			Optional<Unit> parent = this.store.find(request.parentCode());
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
		if (request.weekend() != null && request.weekend().size() > 5) {
			violations.add(Violation.of("weekend", "a week needs at least two working days"));
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid("UNIT_INVALID", "The unit cannot be registered", violations);
		}
		WorkingHours hours = request.hours() != null ? request.hours() : WorkingHours.STANDARD;
		Unit unit = new Unit(request.code(), request.parentCode(), request.name().strip(), request.level(),
				blankToNull(request.address()), blankToNull(request.phone()), blankToNull(request.email()), hours,
				request.weekend() != null ? request.weekend() : NewUnit.DEFAULT_WEEKEND,
				request.sameDayCutoff() != null ? request.sameDayCutoff() : NewUnit.DEFAULT_CUTOFF,
				request.supplementMode() != null ? request.supplementMode() : SupplementMode.PAUSE_ADDED);
		this.store.insert(unit);
		this.events.publishEvent(new UnitRegistered(unit.code(), unit.parentCode()));
		return unit;
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
