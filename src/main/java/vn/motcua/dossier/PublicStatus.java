package vn.motcua.dossier;

import java.time.Instant;

import vn.motcua.catalog.core.FeeStage;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Overdue;
import vn.motcua.dossier.core.Timeliness;

/**
 * What anyone holding a dossier's code and the last four digits of the applicant's ID or
 * phone number may see: no personal data beyond that. {@code dueAt} is the due time in
 * force: none before the one-stop officer's check accepts an online submission (then
 * {@code intakeDueAt} says by when the check is due), and none while the clock is paused
 * for a supplement ({@code pausedSince}), since it moves when the supplement arrives.
 * {@code asked}: what the applicant is asked to add while the dossier waits for it, or
 * why the online submission was refused. {@code apologyReason} and {@code originalDueAt}:
 * the apology of a late dossier and the due time before it. {@code awaitsApplicant}: the
 * applicant may hand in what was asked for online. {@code fee}: the fee's amount, when it
 * is paid and whether it is (null: none); not its lines, which may tell an exempted
 * group. While the dossier waits for its payment, no due time: it moves when paid.
 */
public record PublicStatus(String code, String unitCode, String procedureName, DossierStatus status,
		Instant submittedAt, Instant receivedAt, Instant dueAt, boolean overdue, Timeliness timeliness,
		Instant returnedAt, Instant intakeDueAt, Instant pausedSince, String asked, String apologyReason,
		Instant originalDueAt, boolean awaitsApplicant, Fee fee) {

	/**
	 * A dossier's fee as anyone may see it: how much, paid at intake or at the result,
	 * paid or not.
	 */
	public record Fee(long amount, FeeStage stage, boolean paid) {
	}

	static PublicStatus of(DossierLists.Row row, DossierLists.Notices n, Instant now) {
		boolean paused = row.status() == DossierStatus.WAITING_FOR_SUPPLEMENT;
		boolean paying = row.status() == DossierStatus.AWAITING_PAYMENT;
		DossierFee fee = n.fee();
		boolean awaits = paused || row.status() == DossierStatus.AWAITING_ADDITIONS;
		boolean asking = awaits || row.status() == DossierStatus.REFUSED_AT_INTAKE;
		boolean apologized = n.apologyReason() != null;
		return new PublicStatus(row.code(), row.unitCode(), row.procedureName(), row.status(), n.submittedAt(),
				row.receivedAt(), paused || paying ? null : row.dueAt(), Overdue.at(row.overdueFrom(), now),
				row.timeliness(), row.returnedAt(),
				row.status() == DossierStatus.AWAITING_INTAKE ? n.intakeDueAt() : null,
				paused ? n.pauseStartedAt() : null, asking ? n.applicantNotice() : null,
				apologized ? n.apologyReason() : null, apologized ? n.originalDueAt() : null, awaits,
				fee == null || fee.lines().isEmpty() ? null : new Fee(fee.amount(), fee.stage(), fee.paid()));
	}

}
