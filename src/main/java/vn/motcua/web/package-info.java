/**
 * Server-rendered pages (Thymeleaf + htmx), Vietnamese first; web security. Nothing
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org", "calendar", "calendar::core",
		"catalog", "catalog::core", "dossier", "dossier::core", "feedback", "document", "notification", "history",
		"reporting", "signing", "forms", "payment" })
package vn.motcua.web;
