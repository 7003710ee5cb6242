package vn.motcua.catalog;

import java.time.LocalDate;
import java.util.List;

import vn.motcua.catalog.core.ProcedureContent;

/**
 * One version of a unit's procedure, as in force from {@code effectiveFrom}. A dossier
 * keeps the {@code versionId} it was received under.
 */
public record Procedure(long versionId, String unitCode, int version, LocalDate effectiveFrom, ProcedureContent content,
		List<Publication> publications) {

	public String code() {
		return this.content.code();
	}

	/**
	 * Whether the procedure is posted for the public on some channel by the given day.
	 */
	public boolean postedOn(LocalDate day) {
		return this.publications.stream().anyMatch(p -> !p.publishedOn().isAfter(day));
	}

}
