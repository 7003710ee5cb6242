package vn.motcua.dossier.core;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static vn.motcua.dossier.core.DossierStatus.APPROVED;
import static vn.motcua.dossier.core.DossierStatus.AWAITING_ADDITIONS;
import static vn.motcua.dossier.core.DossierStatus.AWAITING_INTAKE;
import static vn.motcua.dossier.core.DossierStatus.AWAITING_APPROVAL;
import static vn.motcua.dossier.core.DossierStatus.AWAITING_PAYMENT;
import static vn.motcua.dossier.core.DossierStatus.IN_PROCESSING;
import static vn.motcua.dossier.core.DossierStatus.RECEIVED;
import static vn.motcua.dossier.core.DossierStatus.REFUSED;
import static vn.motcua.dossier.core.DossierStatus.REFUSED_AT_INTAKE;
import static vn.motcua.dossier.core.DossierStatus.RESULT_READY;
import static vn.motcua.dossier.core.DossierStatus.RETURNED;
import static vn.motcua.dossier.core.DossierStatus.STOPPED;
import static vn.motcua.dossier.core.DossierStatus.WAITING_FOR_SUPPLEMENT;
import static vn.motcua.dossier.core.DossierStatus.WITHDRAWN;

/**
 * The one table of which action may be taken in which status, and where it leads. Where
 * the target depends on the dossier (the next step's role, the status before a pause),
 * the table lists every possible target; {@link Dossier} picks one of them.
 */
public final class DossierTransitions {

	/** A legal move: from any of {@code from}, the action leads to one of {@code to}. */
	public record Move(Set<DossierStatus> from, Set<DossierStatus> to) {
	}

	private static final Set<DossierStatus> WORKING = EnumSet.of(RECEIVED, IN_PROCESSING, AWAITING_APPROVAL);

	private static final Set<DossierStatus> BEFORE_RESULT = EnumSet.of(RECEIVED, IN_PROCESSING, AWAITING_APPROVAL,
			WAITING_FOR_SUPPLEMENT, APPROVED);

	/**
	 * Where a dossier may be stopped or withdrawn: before its result, or waiting to pay.
	 */
	private static final Set<DossierStatus> BEFORE_RESULT_OR_PAYMENT = EnumSet.of(RECEIVED, AWAITING_PAYMENT,
			IN_PROCESSING, AWAITING_APPROVAL, WAITING_FOR_SUPPLEMENT, APPROVED);

	/** Where a fee may be paid: received and open. */
	private static final Set<DossierStatus> PAYABLE = EnumSet.of(AWAITING_PAYMENT, RECEIVED, IN_PROCESSING,
			WAITING_FOR_SUPPLEMENT, AWAITING_APPROVAL, APPROVED, RESULT_READY);

	private static final Map<DossierAction, Move> MOVES = new EnumMap<>(DossierAction.class);

	static {
		// the one-stop officer's check of an online submission, before it is received
		// accepted with a fee due at intake, it waits for the payment (ADR 35)
		MOVES.put(DossierAction.ACCEPT, new Move(EnumSet.of(AWAITING_INTAKE), EnumSet.of(RECEIVED, AWAITING_PAYMENT)));
		MOVES.put(DossierAction.ASK_FOR_MORE, new Move(EnumSet.of(AWAITING_INTAKE), EnumSet.of(AWAITING_ADDITIONS)));
		MOVES.put(DossierAction.ADDITIONS_RECEIVED,
				new Move(EnumSet.of(AWAITING_ADDITIONS), EnumSet.of(AWAITING_INTAKE)));
		MOVES.put(DossierAction.REFUSE_ONLINE,
				new Move(EnumSet.of(AWAITING_INTAKE, AWAITING_ADDITIONS), EnumSet.of(REFUSED_AT_INTAKE)));
		MOVES.put(DossierAction.ASSIGN, new Move(WORKING, EnumSet.of(IN_PROCESSING, AWAITING_APPROVAL)));
		MOVES.put(DossierAction.FORWARD,
				new Move(EnumSet.of(RECEIVED, IN_PROCESSING), EnumSet.of(IN_PROCESSING, AWAITING_APPROVAL)));
		MOVES.put(DossierAction.SEND_BACK, new Move(EnumSet.of(IN_PROCESSING, AWAITING_APPROVAL),
				EnumSet.of(RECEIVED, IN_PROCESSING, AWAITING_APPROVAL)));
		MOVES.put(DossierAction.REQUEST_SUPPLEMENT, new Move(WORKING, EnumSet.of(WAITING_FOR_SUPPLEMENT)));
		MOVES.put(DossierAction.SUPPLEMENT_RECEIVED, new Move(EnumSet.of(WAITING_FOR_SUPPLEMENT), WORKING));
		MOVES.put(DossierAction.APPROVE, new Move(EnumSet.of(AWAITING_APPROVAL), EnumSet.of(APPROVED)));
		MOVES.put(DossierAction.REFUSE, new Move(EnumSet.of(IN_PROCESSING, AWAITING_APPROVAL), EnumSet.of(REFUSED)));
		MOVES.put(DossierAction.APOLOGIZE, new Move(BEFORE_RESULT, BEFORE_RESULT));
		MOVES.put(DossierAction.STOP, new Move(BEFORE_RESULT_OR_PAYMENT, EnumSet.of(STOPPED)));
		MOVES.put(DossierAction.WITHDRAW, new Move(BEFORE_RESULT_OR_PAYMENT, EnumSet.of(WITHDRAWN)));
		MOVES.put(DossierAction.RECORD_RESULT, new Move(EnumSet.of(APPROVED), EnumSet.of(RESULT_READY)));
		MOVES.put(DossierAction.RETURN_RESULT, new Move(EnumSet.of(RESULT_READY), EnumSet.of(RETURNED)));
		// a dossier waiting for its payment goes back to where it was received; in any
		// other open received status the fee is marked paid and the status stays
		Set<DossierStatus> afterPayment = EnumSet.copyOf(PAYABLE);
		afterPayment.remove(AWAITING_PAYMENT);
		MOVES.put(DossierAction.PAYMENT_CONFIRMED, new Move(PAYABLE, afterPayment));
	}

	private DossierTransitions() {
	}

	public static Move of(DossierAction action) {
		return MOVES.get(action);
	}

	public static Map<DossierAction, Move> all() {
		return Map.copyOf(MOVES);
	}

	/** Guards the aggregate: the status it chose must be one the table allows. */
	public static DossierStatus target(DossierAction action, DossierStatus to) {
		if (!MOVES.get(action).to().contains(to)) {
			throw new IllegalStateException(action + " may not lead to " + to);
		}
		return to;
	}

}
