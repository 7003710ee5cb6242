/**
 * The papers the one-stop shop issues, as PDF (DOMAIN §6): Forms 01–07 of the set in
 * force on the dossier's receipt day, made when their event happens and kept with the
 * dossier, the result document uploaded by the officer in charge (ADR 33), and the
 * electronic receipt of each fee paid (ADR 38).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org", "dossier", "dossier::core",
		"calendar::core", "catalog::core", "document", "signing", "payment" })
package vn.motcua.forms;
