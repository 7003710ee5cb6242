/**
 * Citizens' ratings of their dossiers, and later their feedback and complaints (PAKN).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "dossier", "dossier::core" })
package vn.motcua.feedback;
