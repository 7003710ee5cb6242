package vn.motcua.dossier.core;

import java.util.ArrayList;
import java.util.List;

import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.org.Role;

/**
 * The internal process (quy trình nội bộ) a new dossier follows: its steps, each with a
 * role and allotted working hours. A procedure's own steps in the catalog are used when
 * they include a leader's step (someone must approve); otherwise the default plan is
 * fitted to the procedure's committed time. The default plan is data
 * ({@code dossier/default-process.txt}), one step a line: {@code name | ROLE | hours},
 * where hours are
 * <ul>
 * <li>a number: that many hours, at most an eighth of the total;</li>
 * <li>a percentage ({@code 15%}): that share of the total, rounded down to half hours, at
 * least half an hour;</li>
 * <li>{@code rest}: what the other steps leave, at least half an hour.</li>
 * </ul>
 * The total is the committed time in working hours, or one working day for a committed
 * time in calendar days or months.
 */
public final class ProcessPlan {

	/** A step of the plan. */
	public record Step(String name, Role role, double hours) {
	}

	private record Line(String name, Role role, String hours) {
	}

	private final List<Line> fallback;

	private ProcessPlan(List<Line> fallback) {
		this.fallback = fallback;
	}

	/**
	 * Reads a default plan; blank lines and lines starting with {@code #} are skipped.
	 * @throws IllegalArgumentException for a line that is not
	 * {@code name | ROLE | hours}, or a plan without a leader's step or with more than
	 * one {@code rest}
	 */
	public static ProcessPlan parse(String text) {
		List<Line> lines = new ArrayList<>();
		for (String raw : text.split("\\R")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\\|");
			if (parts.length != 3) {
				throw new IllegalArgumentException("a step reads 'name | ROLE | hours': " + line);
			}
			String hours = parts[2].strip();
			if (!hours.equals("rest") && !hours.matches("[0-9]+(\\.[0-9]+)?%?")) {
				throw new IllegalArgumentException("hours are a number, a percentage or 'rest': " + line);
			}
			lines.add(new Line(parts[0].strip(), Role.valueOf(parts[1].strip()), hours));
		}
		if (lines.stream().noneMatch(l -> l.role() == Role.LEADER)) {
			throw new IllegalArgumentException("the default plan needs a leader's step");
		}
		if (lines.stream().filter(l -> l.hours().equals("rest")).count() > 1) {
			throw new IllegalArgumentException("at most one step takes the rest");
		}
		return new ProcessPlan(List.copyOf(lines));
	}

	/** The steps of a new dossier of the procedure. */
	public List<Step> forProcedure(ProcedureContent content, double hoursPerDay) {
		if (content.steps().stream().anyMatch(s -> s.role() == Role.LEADER)) {
			return content.steps().stream().map(s -> new Step(s.name(), s.role(), s.hours())).toList();
		}
		double total = content.committedTime().inWorkingTime() ? content.committedTime().workingHours(hoursPerDay)
				: hoursPerDay;
		double[] hours = new double[this.fallback.size()];
		double taken = 0;
		int rest = -1;
		for (int i = 0; i < hours.length; i++) {
			String h = this.fallback.get(i).hours();
			if (h.equals("rest")) {
				rest = i;
				continue;
			}
			hours[i] = h.endsWith("%")
					? Math.max(0.5,
							Math.floor(total * Double.parseDouble(h.substring(0, h.length() - 1)) / 100 * 2) / 2)
					: Math.min(Double.parseDouble(h), total / 8);
			taken += hours[i];
		}
		if (rest >= 0) {
			hours[rest] = Math.max(0.5, total - taken);
		}
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < hours.length; i++) {
			steps.add(new Step(this.fallback.get(i).name(), this.fallback.get(i).role(), hours[i]));
		}
		return steps;
	}

}
