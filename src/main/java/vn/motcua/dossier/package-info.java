/**
 * The one-stop shop's dossiers (hồ sơ): intake, processing step by step, supplement,
 * apology, stop, withdrawal, refusal, result and return, each judged early / on time /
 * late against its due time.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org", "calendar", "calendar::core",
		"catalog", "catalog::core", "notification" })
package vn.motcua.dossier;
