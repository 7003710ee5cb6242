package vn.motcua.catalog.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.motcua.shared.Problem.Violation;

/**
 * A dossier's fee from its procedure's fees and what the applicant said (DOMAIN §8):
 * fixed, per copy, per page, or exempt; a fee that exempts the applicant's group is 0.
 * The one home of the fee formula; plain Java.
 */
public final class Fees {

	/** The most copies or pages one dossier may ask for. */
	public static final int MAX_COUNT = 1000;

	private Fees() {
	}

	/**
	 * One fee as charged: {@code count} is the copies or pages counted (1 for a fixed
	 * fee, 0 for an exempt one); {@code exemptedBy} the basis that exempts it, or null.
	 */
	public record FeeLine(String name, FeeKind kind, long unitAmount, int count, long amount, String exemptedBy) {
	}

	/** The lines and their total, in đồng. */
	public record Amount(List<FeeLine> lines, long total) {

		public Amount {
			lines = List.copyOf(lines);
		}

	}

	/** The fee due for the inputs; the inputs are assumed checked ({@link #check}). */
	public static Amount amount(List<ProcedureContent.Fee> fees, FeeInputs in) {
		FeeInputs inputs = in == null ? FeeInputs.NONE : in;
		List<FeeLine> lines = new ArrayList<>();
		long total = 0;
		for (ProcedureContent.Fee f : fees) {
			int count = switch (f.kind()) {
				case FIXED -> 1;
				case PER_COPY -> inputs.copies();
				case PER_PAGE -> inputs.pages();
				case EXEMPT -> 0;
			};
			String exemptedBy = null;
			if (f.kind() == FeeKind.EXEMPT) {
				exemptedBy = f.exemptionBasis();
			}
			else if (f.exempts(inputs.applicantGroup())) {
				exemptedBy = f.exemptionBasis();
				count = 0;
			}
			long amount = Math.multiplyExact(f.amount(), (long) count);
			lines.add(new FeeLine(f.name(), f.kind(), f.amount(), count, amount, exemptedBy));
			total = Math.addExact(total, amount);
		}
		return new Amount(lines, total);
	}

	/** Whether the fees depend on the number of copies. */
	public static boolean needsCopies(List<ProcedureContent.Fee> fees) {
		return fees.stream().anyMatch(f -> f.kind() == FeeKind.PER_COPY);
	}

	/** Whether the fees depend on the number of pages. */
	public static boolean needsPages(List<ProcedureContent.Fee> fees) {
		return fees.stream().anyMatch(f -> f.kind() == FeeKind.PER_PAGE);
	}

	/** The applicant groups some fee exempts, in order, once each. */
	public static List<String> exemptGroups(List<ProcedureContent.Fee> fees) {
		return fees.stream()
			.filter(f -> f.kind() != FeeKind.EXEMPT)
			.flatMap(f -> f.exemptGroups().stream())
			.distinct()
			.toList();
	}

	/**
	 * What is wrong with the inputs for these fees, by field ({@code fee.copies},
	 * {@code fee.pages}, {@code fee.applicantGroup}): a count asked for must be 1 to
	 * {@value #MAX_COUNT}; a group must be one the fees exempt. What the fees do not need
	 * is not checked.
	 */
	public static List<Violation> check(List<ProcedureContent.Fee> fees, FeeInputs in) {
		List<Violation> v = new ArrayList<>();
		if (in == null) {
			return v;
		}
		if (needsCopies(fees) && (in.copies() < 1 || in.copies() > MAX_COUNT)) {
			v.add(Violation.of("fee.copies", "the number of copies must be 1 to " + MAX_COUNT));
		}
		if (needsPages(fees) && (in.pages() < 1 || in.pages() > MAX_COUNT)) {
			v.add(Violation.of("fee.pages", "the number of pages must be 1 to " + MAX_COUNT));
		}
		if (in.applicantGroup() != null) {
			String group = in.applicantGroup().toLowerCase(Locale.ROOT);
			if (exemptGroups(fees).stream().noneMatch(g -> g.toLowerCase(Locale.ROOT).equals(group))) {
				v.add(Violation.of("fee.applicantGroup", "'" + in.applicantGroup()
						+ "' is not a group these fees exempt; the groups are " + exemptGroups(fees)));
			}
		}
		return v;
	}

}
