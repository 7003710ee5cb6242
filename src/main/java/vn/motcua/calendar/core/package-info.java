/**
 * The pure working-time core: lunar calendar, default holidays, per-year day tables and
 * deadline arithmetic. Plain Java, no Spring (an ArchUnit rule checks it), no clock:
 * every instant is an argument.
 */
@org.springframework.modulith.NamedInterface("core")
package vn.motcua.calendar.core;
