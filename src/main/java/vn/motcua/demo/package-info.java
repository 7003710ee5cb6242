/**
 * The demo ward: Thanh Hóa → Sầm Sơn → Quảng Cư and two more wards, with the seed
 * report's catalog.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org", "catalog", "calendar",
		"calendar::core", "catalog::core", "dossier::core", "history" })
package vn.motcua.demo;
