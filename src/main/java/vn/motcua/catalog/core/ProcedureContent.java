package vn.motcua.catalog.core;

import java.time.LocalTime;
import java.util.List;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.org.Role;

/**
 * Everything a version of a procedure says (DOMAIN §3). A change to any of it is a new
 * version.
 *
 * @param code the national code, e.g. {@code 1.001193}
 * @param agency the implementing body, e.g. "UBND cấp xã"
 * @param statutoryTime the time the law allows
 * @param committedTime the time the unit commits to (the ward cut statutory times by at
 * least 30 %)
 * @param sameDayCutoff for same-day procedures, receipt at or after this time is due the
 * next working day
 * @param steps the internal process (quy trình nội bộ), in order
 * @param feeStage where the process waits for the fees to be paid (default
 * {@link FeeStage#INTAKE}; see ADR 35)
 */
public record ProcedureContent(String code, String name, String field, ImplementingLevel level, String agency,
		List<ApplicantType> applicantTypes, ProcessingTime statutoryTime, ProcessingTime committedTime,
		LocalTime sameDayCutoff, List<Component> components, List<Fee> fees, List<Step> steps, boolean resultDocument,
		String resultName, List<String> legalBasis, OnlineLevel onlineLevel, FeeStage feeStage) {

	/** A component of the dossier (thành phần hồ sơ). */
	public record Component(String name, int originals, int copies, boolean mandatory, String template) {
	}

	/**
	 * A fee or charge (phí, lệ phí), in đồng: {@code amount} once, per copy or per page
	 * as {@code kind} says (null: FIXED, the shape of catalogs before kinds). An EXEMPT
	 * fee is free by law; any other may exempt some applicant groups
	 * ({@code exemptGroups}, e.g. "Người có công với cách mạng"). {@code exemptionBasis}:
	 * the law that exempts.
	 */
	public record Fee(String name, FeeKind kind, long amount, String note, String exemptionBasis,
			List<String> exemptGroups) {

		public Fee {
			kind = kind == null ? FeeKind.FIXED : kind;
			exemptGroups = exemptGroups == null ? List.of()
					: exemptGroups.stream().filter(g -> g != null && !g.isBlank()).map(String::strip).toList();
		}

		/** A fixed fee, as catalogs gave it before kinds. */
		public Fee(String name, long amount, String note) {
			this(name, FeeKind.FIXED, amount, note, null, List.of());
		}

		/** Whether this fee exempts the applicant group (case aside); null: no group. */
		public boolean exempts(String group) {
			return group != null && this.exemptGroups.stream().anyMatch(g -> g.equalsIgnoreCase(group.strip()));
		}

	}

	/**
	 * A step of the internal process, with the role that does it and its allotted working
	 * hours.
	 */
	public record Step(String name, Role role, double hours) {
	}

	/** A procedure whose fees, if any, are paid at intake. */
	public ProcedureContent(String code, String name, String field, ImplementingLevel level, String agency,
			List<ApplicantType> applicantTypes, ProcessingTime statutoryTime, ProcessingTime committedTime,
			LocalTime sameDayCutoff, List<Component> components, List<Fee> fees, List<Step> steps,
			boolean resultDocument, String resultName, List<String> legalBasis, OnlineLevel onlineLevel) {
		this(code, name, field, level, agency, applicantTypes, statutoryTime, committedTime, sameDayCutoff, components,
				fees, steps, resultDocument, resultName, legalBasis, onlineLevel, FeeStage.INTAKE);
	}

	public ProcedureContent {
		feeStage = feeStage == null ? FeeStage.INTAKE : feeStage;
		applicantTypes = applicantTypes == null ? List.of() : applicantTypes.stream().distinct().sorted().toList();
		components = components == null ? List.of() : List.copyOf(components);
		fees = fees == null ? List.of() : List.copyOf(fees);
		steps = steps == null ? List.of() : List.copyOf(steps);
		legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
	}

	/**
	 * The fee of a dossier for one copy and one page, no group exempted, in đồng (the
	 * catalog's list shows it).
	 */
	public long feeTotal() {
		return Fees.amount(this.fees, FeeInputs.NONE).total();
	}

	/** Whether the intake asks how many copies, for a fee per copy. */
	public boolean needsCopies() {
		return Fees.needsCopies(this.fees);
	}

	/** Whether the intake asks how many pages, for a fee per page. */
	public boolean needsPages() {
		return Fees.needsPages(this.fees);
	}

	/** The applicant groups some fee exempts: the intake asks for one of them, if any. */
	public List<String> exemptGroups() {
		return Fees.exemptGroups(this.fees);
	}

	/** Whether a dossier of this procedure may have a fee to pay. */
	public boolean hasFees() {
		return this.fees.stream().anyMatch(f -> f.kind() != FeeKind.EXEMPT && f.amount() > 0);
	}

	/** Sum of the steps' allotted hours. */
	public double stepHours() {
		return this.steps.stream().mapToDouble(Step::hours).sum();
	}

}
