/**
 * Units (province → city → ward), their e-identifier codes, addresses and working hours;
 * roles.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package vn.motcua.org;
