package vn.motcua.calendar.internal;

import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.calendar.core.CalendarDay;
import vn.motcua.calendar.core.CalendarYear;
import vn.motcua.calendar.core.DayKind;

import static vn.motcua.shared.Sql.utc;

/** Units' calendar years in {@code calendar_year} and {@code calendar_day}. */
@Repository
public class CalendarYearStore {

	private final JdbcClient jdbc;

	private final InstantSource clock;

	CalendarYearStore(JdbcClient jdbc, InstantSource clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The loaded years of each of the units, by unit code and year. */
	public Map<String, Map<Integer, CalendarYear>> forUnits(List<String> unitCodes) {
		Map<String, Map<Integer, CalendarYear>> result = new HashMap<>();
		if (unitCodes.isEmpty()) {
			return result;
		}
		Map<String, Map<Integer, String>> sources = new HashMap<>();
		this.jdbc.sql("select unit_code, cal_year, source from calendar_year where unit_code in (:units)")
			.param("units", unitCodes)
			.query(rs -> {
				sources.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
			});
		Map<String, Map<Integer, List<CalendarDay>>> days = new HashMap<>();
		this.jdbc.sql(
				"select unit_code, cal_year, on_day, kind, name from calendar_day where unit_code in (:units) order by on_day")
			.param("units", unitCodes)
			.query(rs -> {
				days.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
					.computeIfAbsent(rs.getInt(2), k -> new ArrayList<>())
					.add(new CalendarDay(rs.getObject(3, LocalDate.class), DayKind.valueOf(rs.getString(4)),
							rs.getString(5)));
			});
		sources.forEach((unit, years) -> years.forEach((year, source) -> result
			.computeIfAbsent(unit, k -> new HashMap<>())
			.put(year,
					new CalendarYear(year, source, days.getOrDefault(unit, Map.of()).getOrDefault(year, List.of())))));
		return result;
	}

	/** Replaces the unit's year with the given one. */
	public void replace(String unitCode, CalendarYear year) {
		this.jdbc.sql("delete from calendar_day where unit_code = ? and cal_year = ?")
			.params(unitCode, year.year())
			.update();
		this.jdbc.sql("delete from calendar_year where unit_code = ? and cal_year = ?")
			.params(unitCode, year.year())
			.update();
		this.jdbc.sql("insert into calendar_year (unit_code, cal_year, source, updated_at) values (?, ?, ?, ?)")
			.params(unitCode, year.year(), year.source(), utc(this.clock.instant()))
			.update();
		for (CalendarDay day : year.days()) {
			this.jdbc.sql(
					"insert into calendar_day (unit_code, cal_year, on_day, kind, name) values (:unit, :year, :day, :kind, :name)")
				.paramSource(new MapSqlParameterSource().addValue("unit", unitCode)
					.addValue("year", year.year())
					.addValue("day", day.date())
					.addValue("kind", day.kind().name())
					.addValue("name", day.name()))
				.update();
		}
	}

}
