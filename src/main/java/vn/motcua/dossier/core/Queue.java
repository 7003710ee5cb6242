package vn.motcua.dossier.core;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.motcua.org.Role;

/**
 * An officer's work queues at their unit, in order of precedence: a dossier is listed in
 * the first of the officer's queues that holds it, and in no other. First what the
 * officer's role must do at a status (a leader's dossiers to approve; a one-stop
 * officer's online submissions to check, to assign, approved, to return: statuses no two
 * queues share), then the dossiers whose step the officer holds, then the unit's other
 * open dossiers that are overdue, then those due within a working day. A supervisor
 * follows instead the overdue dossiers of each ward below their unit.
 */
public enum Queue {

	/** Awaiting the leader's approval (a leader's). */
	TO_APPROVE("toApprove", Role.LEADER, DossierStatus.AWAITING_APPROVAL),
	/**
	 * Online submissions waiting for the one-stop officer's check, the check due first (a
	 * one-stop officer's; ADR 15).
	 */
	TO_CHECK("toCheck", Role.ONE_STOP_OFFICER, DossierStatus.AWAITING_INTAKE),
	/** Received, not yet assigned (a one-stop officer's). */
	TO_ASSIGN("toAssign", Role.ONE_STOP_OFFICER, DossierStatus.RECEIVED),
	/** Approved; the result is to be recorded (a one-stop officer's). */
	APPROVED("approved", Role.ONE_STOP_OFFICER, DossierStatus.APPROVED),
	/** The result waits to be handed over (a one-stop officer's). */
	TO_RETURN("toReturn", Role.ONE_STOP_OFFICER, DossierStatus.RESULT_READY),
	/** Open dossiers whose current step the officer holds. */
	MINE("mine", null, null),
	/** The unit's other open dossiers past their due time. */
	OVERDUE("overdue", null, null),
	/** The unit's other open dossiers due within the next working day. */
	DUE_SOON("dueSoon", null, null);

	private final String key;

	private final Role role;

	private final DossierStatus status;

	Queue(String key, Role role, DossierStatus status) {
		this.key = key;
		this.role = role;
		this.status = status;
	}

	/** The queue's name in pages and messages ({@code queue.<key>}). */
	public String key() {
		return this.key;
	}

	/** The status the queue holds, for the role's queues; null for the others. */
	public DossierStatus status() {
		return this.status;
	}

	/**
	 * The queues of an officer with these roles, in order of precedence; none for a
	 * supervisor (who follows the wards' overdue lists instead).
	 */
	public static List<Queue> of(Set<Role> roles) {
		List<Queue> queues = new ArrayList<>();
		if (roles.contains(Role.SUPERVISOR)) {
			return queues;
		}
		for (Queue q : values()) {
			if (q.role == null || roles.contains(q.role)) {
				queues.add(q);
			}
		}
		return queues;
	}

	/**
	 * The statuses that queues before this one in {@code queues} hold: this one leaves
	 * them out.
	 */
	public Set<DossierStatus> statusesBefore(List<Queue> queues) {
		Set<DossierStatus> before = EnumSet.noneOf(DossierStatus.class);
		for (Queue q : queues) {
			if (q == this) {
				break;
			}
			if (q.status != null) {
				before.add(q.status);
			}
		}
		return before;
	}

	/** Whether this queue leaves out the dossiers whose step the officer holds. */
	public boolean leavesOutMine(List<Queue> queues) {
		return queues.indexOf(this) > queues.indexOf(MINE) && queues.contains(MINE);
	}

}
