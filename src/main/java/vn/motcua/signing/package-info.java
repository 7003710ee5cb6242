/**
 * Digital signatures (issue 12): PAdES signing of PDFs with an officer's or a unit's seal
 * key from the server's keystore directory, with EU DSS; the demo certificate authority;
 * and the validation of any PDF's signatures (ADR 34).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org" })
package vn.motcua.signing;
