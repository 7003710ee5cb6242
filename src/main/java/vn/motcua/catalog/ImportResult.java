package vn.motcua.catalog;

/**
 * What an import did: procedures new to the unit, procedures that got a new version, rows
 * equal to the version already held, and publications recorded.
 */
public record ImportResult(int rows, int created, int newVersions, int unchanged, int publications) {
}
