package vn.motcua.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a procedure's version history. */
public record ProcedureVersion(long versionId, int version, LocalDate effectiveFrom, Instant createdAt) {
}
