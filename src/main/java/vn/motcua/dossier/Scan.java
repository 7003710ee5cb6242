package vn.motcua.dossier;

/**
 * A scanned or uploaded component handed in with a dossier.
 *
 * @param field the form field it came in, for an error about it
 * @param component the name of the procedure's component it is a scan of
 */
public record Scan(String field, String component, String filename, String contentType, byte[] bytes) {
}
