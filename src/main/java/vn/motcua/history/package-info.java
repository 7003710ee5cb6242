/**
 * Imports of dossier history from a previous system (OpenCPS, VNPT iGate, a national
 * portal export): a file kept in the shared file store, read as a stream by a job that
 * any instance may run and resume, each dossier replayed by the dossier module's rules
 * (ADR 29).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "org", "dossier", "dossier::core", "document", "calendar::core" })
package vn.motcua.history;
