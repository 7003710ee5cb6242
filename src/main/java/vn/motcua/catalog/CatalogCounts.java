package vn.motcua.catalog;

/** How many procedures a unit has, and how many of them are posted for the public. */
public record CatalogCounts(long procedures, long posted) {
}
