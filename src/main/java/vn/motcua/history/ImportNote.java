package vn.motcua.history;

/**
 * What the import report says of one line: an ERROR (the dossier was not imported: the
 * field at fault and why), DIFFERS (imported; MotCua's verdict is not the source's, and
 * why) or NOTE (imported; an event the rules would not replay).
 */
public record ImportNote(long line, String sourceId, String kind, String field, String message) {
}
