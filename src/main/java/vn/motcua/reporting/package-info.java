/**
 * Reports from live data: read models fed by the other modules' events, and the figures
 * built on them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org", "dossier", "dossier::core",
		"catalog", "calendar::core", "feedback", "document", "payment" })
package vn.motcua.reporting;
