/**
 * Messages to citizens through an outbox: written with the change that causes them,
 * delivered after.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package vn.motcua.notification;
