package vn.motcua.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.org.SupplementMode;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitLevel;
import vn.motcua.shared.WorkingHours;

/** Units in table {@code org_unit}. */
@Repository
public class UnitStore {

	private static final String COLUMNS = "code, parent_code, name, level, address, phone, email, working_hours, weekend, same_day_cutoff, supplement_mode";

	private final JdbcClient jdbc;

	private final InstantSource clock;

	UnitStore(JdbcClient jdbc, InstantSource clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Unit> find(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from org_unit where code = ?")
			.param(code)
			.query(UnitStore::map)
			.optional();
	}

	public List<Unit> all() {
		return this.jdbc.sql("select " + COLUMNS + " from org_unit order by code").query(UnitStore::map).list();
	}

	public List<Unit> children(String parentCode) {
		return this.jdbc.sql("select " + COLUMNS + " from org_unit where parent_code = ? order by code")
			.param(parentCode)
			.query(UnitStore::map)
			.list();
	}

	public void insert(Unit unit) {
		this.jdbc.sql("insert into org_unit (" + COLUMNS + ", created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unit.code(), unit.parentCode(), unit.name(), unit.level().name(), unit.address(), unit.phone(),
					unit.email(), unit.hours().toString(),
					unit.weekend().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")),
					unit.sameDayCutoff(), unit.supplementMode().name(),
					OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
			.update();
	}

	private static Unit map(ResultSet rs, int row) throws SQLException {
		String weekend = rs.getString("weekend");
		return new Unit(rs.getString("code"), rs.getString("parent_code"), rs.getString("name"),
				UnitLevel.valueOf(rs.getString("level")), rs.getString("address"), rs.getString("phone"),
				rs.getString("email"), WorkingHours.parse(rs.getString("working_hours")),
				weekend.isBlank() ? java.util.Set.of()
						: Arrays.stream(weekend.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet()),
				rs.getObject("same_day_cutoff", LocalTime.class),
				SupplementMode.valueOf(rs.getString("supplement_mode")));
	}

}
