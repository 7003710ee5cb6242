/**
 * The unit's catalog of administrative procedures, versioned by effective date, and their
 * publication.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org", "calendar", "calendar::core" })
package vn.motcua.catalog;
