/**
 * Files of dossiers: uploaded and scanned components, stored by content hash
 * (digitization, DOMAIN §7).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "dossier" })
package vn.motcua.document;
