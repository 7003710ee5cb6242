package vn.motcua.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.org.SupplementMode;
import vn.motcua.org.UnitLevel;
import vn.motcua.org.UnitSettings;
import vn.motcua.shared.WorkingHours;

import static vn.motcua.shared.Sql.utc;

/**
 * Units in table {@code org_unit}, and their settings versions in
 * {@code org_unit_setting}.
 */
@Repository
public class UnitStore {

	/** A unit's place in the tree and where citizens find it: all that never changes. */
	public record UnitRow(String code, String parentCode, String name, UnitLevel level, String address, String phone,
			String email) {
	}

	private static final String COLUMNS = "code, parent_code, name, level, address, phone, email";

	private static final String SETTING_COLUMNS = "unit_code, effective_from, working_hours, weekend, same_day_cutoff, supplement_mode";

	private final JdbcClient jdbc;

	private final InstantSource clock;

	UnitStore(JdbcClient jdbc, InstantSource clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<UnitRow> find(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from org_unit where code = ?")
			.param(code)
			.query(UnitStore::map)
			.optional();
	}

	public List<UnitRow> all() {
		return this.jdbc.sql("select " + COLUMNS + " from org_unit order by code").query(UnitStore::map).list();
	}

	public List<UnitRow> children(String parentCode) {
		return this.jdbc.sql("select " + COLUMNS + " from org_unit where parent_code = ? order by code")
			.param(parentCode)
			.query(UnitStore::map)
			.list();
	}

	public void insert(UnitRow unit) {
		this.jdbc.sql("insert into org_unit (" + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unit.code(), unit.parentCode(), unit.name(), unit.level().name(), unit.address(), unit.phone(),
					unit.email(), utc(this.clock.instant()))
			.update();
	}

	/** The unit's settings versions, oldest first. */
	public List<UnitSettings> settings(String unitCode) {
		return this.jdbc
			.sql("select " + SETTING_COLUMNS + " from org_unit_setting where unit_code = ? order by effective_from")
			.param(unitCode)
			.query(UnitStore::mapSettings)
			.list();
	}

	/** The settings versions of several units in one query, oldest first. */
	public Map<String, List<UnitSettings>> settings(Collection<String> unitCodes) {
		Map<String, List<UnitSettings>> settings = new HashMap<>();
		if (unitCodes.isEmpty()) {
			return settings;
		}
		this.jdbc
			.sql("select " + SETTING_COLUMNS + " from org_unit_setting where unit_code in (:codes)"
					+ " order by unit_code, effective_from")
			.param("codes", List.copyOf(unitCodes))
			.query(rs -> {
				settings.computeIfAbsent(rs.getString("unit_code"), code -> new java.util.ArrayList<>())
					.add(mapSettings(rs, 0));
			});
		return settings;
	}

	/**
	 * Adds a version.
	 * @throws org.springframework.dao.DuplicateKeyException when the unit has one from
	 * that day already
	 * @param recordedBy who added it; {@code null} for a unit's first settings
	 */
	public void insertSettings(String unitCode, UnitSettings settings, String recordedBy) {
		this.jdbc
			.sql("insert into org_unit_setting (" + SETTING_COLUMNS + ", recorded_at, recorded_by)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unitCode, settings.effectiveFrom(), settings.hours().toString(),
					settings.weekend().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")),
					settings.sameDayCutoff(), settings.supplementMode().name(), utc(this.clock.instant()), recordedBy)
			.update();
	}

	private static UnitRow map(ResultSet rs, int row) throws SQLException {
		return new UnitRow(rs.getString("code"), rs.getString("parent_code"), rs.getString("name"),
				UnitLevel.valueOf(rs.getString("level")), rs.getString("address"), rs.getString("phone"),
				rs.getString("email"));
	}

	private static UnitSettings mapSettings(ResultSet rs, int row) throws SQLException {
		String weekend = rs.getString("weekend");
		return new UnitSettings(rs.getObject("effective_from", LocalDate.class),
				WorkingHours.parse(rs.getString("working_hours")),
				weekend.isBlank() ? Set.of()
						: Arrays.stream(weekend.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet()),
				rs.getObject("same_day_cutoff", LocalTime.class),
				SupplementMode.valueOf(rs.getString("supplement_mode")));
	}

}
