package vn.motcua.dossier;

import java.time.Instant;

/**
 * An officer ({@code by}) handed a step of the dossier to another ({@code assignee}): by
 * assigning the current step, or by forwarding to the next with its assignee named.
 */
public record StepAssigned(String code, String unitCode, int step, String stepName, String assignee, Instant stepDueAt,
		String by, Instant at) {
}
