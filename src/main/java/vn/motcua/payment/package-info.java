/**
 * Fees paid online through a gateway (VNPay 2.1.0, a sandbox of it) or at the counter:
 * payment orders and their status graph, verified callbacks, the expiry sweep, the daily
 * reconciliation, refunds and the online payment rates (ADR 36, 37).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "org", "dossier", "catalog", "catalog::core" })
package vn.motcua.payment;
