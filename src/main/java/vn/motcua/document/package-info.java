/**
 * Files of dossiers, streamed and checked by their bytes, stored by content hash; their
 * digitization records, the citizens' data stores and reuse, and the rates of
 * digitization (DOMAIN §7, §10; ADR 32).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org", "dossier", "dossier::core" })
package vn.motcua.document;
