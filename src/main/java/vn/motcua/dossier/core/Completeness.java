package vn.motcua.dossier.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.Problem.Violation;
import vn.motcua.shared.VietnameseText;

/**
 * The intake check (DOMAIN §5): the components handed in against the procedure's list.
 * Names match without regard to case or diacritics.
 */
public final class Completeness {

	private Completeness() {
	}

	/**
	 * @return the mandatory components missing, as a guidance slip (Form 02) lists them
	 * @throws Problem naming each component that is not on the procedure's list
	 */
	public static List<String> missing(ProcedureContent content, List<SubmittedComponent> submitted) {
		Map<String, ProcedureContent.Component> required = new LinkedHashMap<>();
		content.components().forEach(c -> required.put(VietnameseText.fold(c.name()), c));
		List<Violation> violations = new ArrayList<>();
		for (int i = 0; i < submitted.size(); i++) {
			SubmittedComponent c = submitted.get(i);
			if (c == null || c.name() == null || c.name().isBlank()
					|| !required.containsKey(VietnameseText.fold(c.name()))) {
				violations
					.add(Violation.of("components[" + i + "].name", "is not a component of procedure " + content.code()
							+ "; its components are " + content.components().stream().map(x -> x.name()).toList()));
			}
			else if (c.originals() < 0 || c.copies() < 0) {
				violations.add(Violation.of("components[" + i + "]", "originals and copies must not be negative"));
			}
		}
		if (!violations.isEmpty()) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "The intake has invalid components", violations);
		}
		Map<String, SubmittedComponent> handed = new HashMap<>();
		submitted.forEach(s -> handed.put(VietnameseText.fold(s.name()), s));
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, ProcedureContent.Component> e : required.entrySet()) {
			ProcedureContent.Component c = e.getValue();
			SubmittedComponent s = handed.get(e.getKey());
			boolean handedIn = s != null && s.originals() >= c.originals() && s.copies() >= c.copies();
			if (c.mandatory() && !handedIn) {
				missing.add(c.name() + " (" + c.originals() + " bản chính, " + c.copies() + " bản sao)");
			}
		}
		return missing;
	}

}
