/**
 * The REST API under /api/v1: JSON in and out, errors as RFC 9457 problem details.
 * Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "org", "calendar", "calendar::core", "catalog", "catalog::core", "dossier",
				"dossier::core", "reporting", "feedback", "history", "signing", "forms", "document", "payment" })
package vn.motcua.api;
