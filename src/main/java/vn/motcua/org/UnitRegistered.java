package vn.motcua.org;

/** A unit was added to the tree. */
public record UnitRegistered(String code, String parentCode) {
}
