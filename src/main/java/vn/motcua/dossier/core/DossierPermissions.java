package vn.motcua.dossier.core;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Role;

/**
 * Who may read a unit's dossiers, who may take each action, who may receive at a unit and
 * who may take a step (DOMAIN §1): the one table of the officers' rights on dossiers.
 */
public final class DossierPermissions {

	/**
	 * Who may take an action: an officer holding one of {@code roles} at the dossier's
	 * unit, or, where {@code assignee} is true, the current step's assignee.
	 */
	private record Who(List<Role> roles, boolean assignee) {
	}

	private static final Map<DossierAction, Who> WHO = new EnumMap<>(DossierAction.class);

	static {
		List<Role> desk = List.of(Role.LEADER, Role.ONE_STOP_OFFICER);
		// the check of an online submission is the counter's intake check: who may
		// receive
		WHO.put(DossierAction.ACCEPT, new Who(desk, false));
		WHO.put(DossierAction.ASK_FOR_MORE, new Who(desk, false));
		WHO.put(DossierAction.ADDITIONS_RECEIVED, new Who(desk, false));
		WHO.put(DossierAction.REFUSE_ONLINE, new Who(desk, false));
		WHO.put(DossierAction.ASSIGN, new Who(desk, false));
		WHO.put(DossierAction.FORWARD, new Who(List.of(Role.LEADER), true));
		WHO.put(DossierAction.SEND_BACK, new Who(List.of(Role.LEADER), true));
		WHO.put(DossierAction.REQUEST_SUPPLEMENT, new Who(desk, true));
		WHO.put(DossierAction.SUPPLEMENT_RECEIVED, new Who(desk, true));
		WHO.put(DossierAction.APPROVE, new Who(List.of(Role.LEADER), false));
		WHO.put(DossierAction.REFUSE, new Who(List.of(Role.LEADER), false));
		WHO.put(DossierAction.APOLOGIZE, new Who(desk, true));
		WHO.put(DossierAction.STOP, new Who(List.of(Role.ONE_STOP_OFFICER, Role.LEADER), false));
		WHO.put(DossierAction.WITHDRAW, new Who(List.of(Role.ONE_STOP_OFFICER, Role.LEADER), false));
		WHO.put(DossierAction.RECORD_RESULT, new Who(desk, true));
		WHO.put(DossierAction.RETURN_RESULT, new Who(List.of(Role.ONE_STOP_OFFICER, Role.LEADER), false));
		// confirmed by the payment module only (DossierFees), never on the dossier's page
		WHO.put(DossierAction.PAYMENT_CONFIRMED, new Who(List.of(), false));
	}

	/**
	 * What the applicant may do themselves, online, once they proved the dossier is
	 * theirs (the look-up's proof, or the verified sign-in): hand in what was asked for.
	 */
	private static final Set<DossierAction> APPLICANT = EnumSet.of(DossierAction.SUPPLEMENT_RECEIVED,
			DossierAction.ADDITIONS_RECEIVED);

	private DossierPermissions() {
	}

	/** Whether the applicant may take the action on their own dossier. */
	public static boolean applicantMay(DossierAction action) {
		return APPLICANT.contains(action);
	}

	/** Why the applicant may not take the action, or null when they may. */
	public static NotAllowed applicantRefusal(DossierAction action, String dossierCode) {
		return applicantMay(action) ? null : NotAllowed.forApplicant(action, dossierCode);
	}

	/**
	 * Whether the actor may take the action on a dossier of the unit whose current step
	 * is assigned to {@code currentAssignee} (null: nobody). Only the unit's own officers
	 * act; the administrator holds no role that acts; supervisors read only.
	 */
	public static boolean mayAct(DossierAction action, Actor actor, String unitCode, String currentAssignee) {
		if (!actor.worksAt(unitCode)) {
			return false;
		}
		Who who = WHO.get(action);
		if (who.assignee() && currentAssignee != null && currentAssignee.equals(actor.username())) {
			return true;
		}
		return who.roles().stream().anyMatch(role -> actor.can(role, unitCode));
	}

	/**
	 * Why the actor may not take the action, or null when they may.
	 */
	public static NotAllowed refusal(DossierAction action, Actor actor, String unitCode, String currentAssignee,
			String dossierCode) {
		if (mayAct(action, actor, unitCode, currentAssignee)) {
			return null;
		}
		Who who = WHO.get(action);
		return NotAllowed.to(action, dossierCode, who.roles(), who.assignee());
	}

	/**
	 * Whether the actor may read the dossiers of a unit: its own officers, the
	 * administrator, and a supervisor of a unit above it (the city, a People's Council
	 * delegation).
	 * @param lineage the unit's code and its ancestors' codes, from the unit up
	 */
	public static boolean mayRead(Actor actor, String unitCode, List<String> lineage) {
		if (actor.worksAt(unitCode)) {
			return true;
		}
		return actor.roles().contains(Role.SUPERVISOR) && actor.unitCode() != null
				&& lineage.contains(actor.unitCode());
	}

	/** Whether the actor may receive dossiers at the unit's counter. */
	public static boolean mayReceive(Actor actor, String unitCode) {
		return actor.can(Role.ONE_STOP_OFFICER, unitCode) || actor.can(Role.LEADER, unitCode);
	}

	/** Whether the officer may be given a step that needs the role, at the unit. */
	public static boolean mayTake(Officer officer, String unitCode, Role stepRole) {
		return officer.unitCode().equals(unitCode) && officer.has(stepRole);
	}

}
