package vn.motcua.catalog.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.motcua.shared.Problem.Violation;

/** The rules a procedure's content must keep, as field-named violations. */
public final class ProcedureRules {

	/**
	 * A national procedure code: {@code 1.001193}, optionally followed by dot-separated
	 * qualifiers.
	 */
	public static final Pattern CODE = Pattern.compile("[0-9]\\.[0-9]{6}(\\.[0-9A-Za-z]+)*");

	private ProcedureRules() {
	}

	/**
	 * @param hoursPerDay the length of the unit's working day, to compare times in days
	 * and hours
	 */
	public static List<Violation> check(ProcedureContent p, double hoursPerDay) {
		List<Violation> v = new ArrayList<>();
		if (p.code() == null || !CODE.matcher(p.code()).matches()) {
			v.add(Violation.of("code", "a national procedure code reads like 1.001193"));
		}
		requireText(v, "name", p.name(), 500);
		requireText(v, "field", p.field(), 100);
		if (p.agency() != null && p.agency().length() > 300) {
			v.add(Violation.of("agency", "must be at most 300 characters"));
		}
		if (p.level() == null) {
			v.add(Violation.of("level", "must be one of COMMUNE, DISTRICT, PROVINCE, CENTRAL"));
		}
		if (p.onlineLevel() == null) {
			v.add(Violation.of("onlineLevel", "must be one of FULL, PARTIAL, NONE"));
		}
		if (p.statutoryTime() == null) {
			v.add(Violation.of("statutoryTime", "is required"));
		}
		if (p.committedTime() == null) {
			v.add(Violation.of("committedTime", "is required"));
		}
		if (p.statutoryTime() != null && p.committedTime() != null) {
			Double cut = p.statutoryTime().cutPercent(p.committedTime(), hoursPerDay);
			if (cut == null) {
				v.add(Violation.of("committedTime", "must be counted like the statutory time ("
						+ p.statutoryTime().unit() + "), to be comparable"));
			}
			else if (cut < 0) {
				v.add(Violation.of("committedTime", "is longer than the statutory time " + p.statutoryTime()));
			}
			if (p.committedTime().inWorkingTime()
					&& p.stepHours() > p.committedTime().workingHours(hoursPerDay) + 1e-9) {
				v.add(Violation.of("steps", "the steps take " + p.stepHours()
						+ " working hours, more than the committed " + p.committedTime()));
			}
		}
		if (p.sameDayCutoff() == null) {
			v.add(Violation.of("sameDayCutoff", "is required"));
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < p.components().size(); i++) {
			ProcedureContent.Component c = p.components().get(i);
			String at = "components[" + i + "]";
			requireText(v, at + ".name", c.name(), 500);
			if (c.originals() < 0 || c.copies() < 0) {
				v.add(Violation.of(at, "originals and copies must not be negative"));
			}
			else if (c.originals() + c.copies() == 0) {
				v.add(Violation.of(at, "needs at least one original or copy"));
			}
			if (c.name() != null && !names.add(c.name().strip())) {
				v.add(Violation.of(at + ".name", "'" + c.name() + "' is listed twice"));
			}
		}
		for (int i = 0; i < p.fees().size(); i++) {
			ProcedureContent.Fee f = p.fees().get(i);
			requireText(v, "fees[" + i + "].name", f.name(), 200);
			if (f.amount() < 0) {
				v.add(Violation.of("fees[" + i + "].amount", "must not be negative"));
			}
			if (f.kind() == FeeKind.EXEMPT && f.amount() != 0) {
				v.add(Violation.of("fees[" + i + "].amount", "an EXEMPT fee has no amount"));
			}
			if ((f.kind() == FeeKind.EXEMPT || !f.exemptGroups().isEmpty())
					&& (f.exemptionBasis() == null || f.exemptionBasis().isBlank())) {
				v.add(Violation.of("fees[" + i + "].exemptionBasis", "an exemption needs its legal basis"));
			}
			if (f.exemptionBasis() != null && f.exemptionBasis().length() > 500) {
				v.add(Violation.of("fees[" + i + "].exemptionBasis", "must be at most 500 characters"));
			}
			for (String g : f.exemptGroups()) {
				if (g.length() > 200) {
					v.add(Violation.of("fees[" + i + "].exemptGroups", "a group must be at most 200 characters"));
				}
			}
		}
		for (int i = 0; i < p.steps().size(); i++) {
			ProcedureContent.Step s = p.steps().get(i);
			requireText(v, "steps[" + i + "].name", s.name(), 200);
			if (s.role() == null) {
				v.add(Violation.of("steps[" + i + "].role", "is required"));
			}
			if (!(s.hours() > 0)) {
				v.add(Violation.of("steps[" + i + "].hours", "must be more than 0"));
			}
		}
		for (int i = 0; i < p.legalBasis().size(); i++) {
			requireText(v, "legalBasis[" + i + "]", p.legalBasis().get(i), 500);
		}
		return v;
	}

	private static void requireText(List<Violation> v, String field, String text, int max) {
		if (text == null || text.isBlank()) {
			v.add(Violation.of(field, "must not be blank"));
		}
		else if (text.length() > max) {
			v.add(Violation.of(field, "must be at most " + max + " characters"));
		}
	}

}
