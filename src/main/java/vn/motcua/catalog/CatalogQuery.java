package vn.motcua.catalog;

import java.time.LocalDate;

/**
 * A search of the catalog. Blank parts do not filter.
 *
 * @param text words to find in the name or code, accents optional ("giay khai sinh")
 * @param field a field (lĩnh vực), accents optional
 * @param on the day whose versions are listed
 * @param page from 0
 */
public record CatalogQuery(String unitCode, String text, String field, Boolean posted, LocalDate on, int page,
		int size) {
}
