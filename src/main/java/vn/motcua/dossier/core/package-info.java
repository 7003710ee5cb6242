/**
 * The dossier's rules in plain Java: the status table, who may read and who may act, the
 * completeness check at intake, the process plan, overdue, timeliness and the look-up
 * proof. No Spring, no database, no clock (an ArchUnit rule checks it): every instant is
 * an argument. The aggregate ({@code vn.motcua.dossier.Dossier}) applies them.
 */
@org.springframework.modulith.NamedInterface("core")
package vn.motcua.dossier.core;
