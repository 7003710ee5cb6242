package vn.motcua.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code timestamp with time zone} columns, the same on H2 and
 * PostgreSQL: written in UTC, read back as instants.
 */
public final class Sql {

	private Sql() {
	}

	/** The instant as a UTC timestamp to bind; null stays null. */
	public static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** The column's instant, or null. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	/** The column's instant, or null. */
	public static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

}
