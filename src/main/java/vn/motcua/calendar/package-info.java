/**
 * Working time: units' hours, holidays and working Saturdays per year, and deadline
 * arithmetic.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "org" })
package vn.motcua.calendar;
