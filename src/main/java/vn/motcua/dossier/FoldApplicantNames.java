package vn.motcua.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import vn.motcua.shared.VietnameseText;

/**
 * Flyway version 2026.12.02.31: fills {@code dossier.applicant_name_folded} for the
 * dossiers received before the column existed, with the same folding as the store uses at
 * intake. Runs once, between the version that adds the column and the one that makes it
 * required; Spring Boot hands this bean to Flyway.
 */
@Component
class FoldApplicantNames implements JavaMigration {

	private static final int BATCH = 1_000;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("2026.12.02.31");
	}

	@Override
	public String getDescription() {
		return "dossier applicant name folded (filled)";
	}

	@Override
	public Integer getChecksum() {
		return 1;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		fill(context.getConnection());
	}

	/** Folds the names of the dossiers that have none yet, a batch at a time. */
	static void fill(Connection connection) throws Exception {
		long after = 0;
		while (true) {
			List<Object[]> rows = new ArrayList<>();
			try (PreparedStatement select = connection
				.prepareStatement("select id, applicant_name from dossier where applicant_name_folded is null"
						+ " and id > ? order by id fetch first " + BATCH + " rows only")) {
				select.setLong(1, after);
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						rows.add(new Object[] { rs.getLong(1), Dossiers.folded(rs.getString(2)) });
					}
				}
			}
			if (rows.isEmpty()) {
				return;
			}
			try (PreparedStatement update = connection
				.prepareStatement("update dossier set applicant_name_folded = ? where id = ?")) {
				for (Object[] row : rows) {
					update.setString(1, (String) row[1]);
					update.setLong(2, (Long) row[0]);
					update.addBatch();
				}
				update.executeBatch();
			}
			after = (Long) rows.get(rows.size() - 1)[0];
		}
	}

}
