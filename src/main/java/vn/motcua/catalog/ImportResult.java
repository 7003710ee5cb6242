package vn.motcua.catalog;

import java.io.Serializable;

/**
 * What an import did: procedures new to the unit, procedures that got a new version, rows
 * equal to the version already held, and publications recorded. Serializable: the import
 * page hands it to the next page as a flash attribute, kept in the session, which lives
 * in the database (ADR 24).
 */
public record ImportResult(int rows, int created, int newVersions, int unchanged,
		int publications) implements Serializable {
}
