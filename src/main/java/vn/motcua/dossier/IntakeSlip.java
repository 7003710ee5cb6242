package vn.motcua.dossier;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An intake at the counter that did not become a dossier, as its slip prints it: the
 * guidance slip (Form 02) lists the components {@code missing}; the refusal slip (Form
 * 03) gives the {@code reason}. {@code officer} is the username of who took it in.
 */
public record IntakeSlip(long id, String unitCode, String procedureCode, String procedureName, IntakeOutcome outcome,
		Applicant applicant, List<String> missing, String reason, Instant at, String officer) {

	public IntakeSlip {
		missing = List.copyOf(missing);
	}

	/**
	 * The slip from its stored items: the missing components one a line, or the reason.
	 */
	static IntakeSlip of(long id, String unitCode, String procedureCode, String procedureName, IntakeOutcome outcome,
			Applicant applicant, String items, Instant at, String officer) {
		boolean guidance = outcome == IntakeOutcome.GUIDANCE;
		return new IntakeSlip(id, unitCode, procedureCode, procedureName, outcome, applicant,
				guidance ? Arrays.stream(items.split("\n")).filter(s -> !s.isBlank()).toList() : List.of(),
				guidance ? null : items, at, officer);
	}

}
