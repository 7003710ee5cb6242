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
 */
public record ProcedureContent(String code, String name, String field, ImplementingLevel level, String agency,
		List<ApplicantType> applicantTypes, ProcessingTime statutoryTime, ProcessingTime committedTime,
		LocalTime sameDayCutoff, List<Component> components, List<Fee> fees, List<Step> steps, boolean resultDocument,
		String resultName, List<String> legalBasis, OnlineLevel onlineLevel) {

	/** A component of the dossier (thành phần hồ sơ). */
	public record Component(String name, int originals, int copies, boolean mandatory, String template) {
	}

	/** A fee or charge (phí, lệ phí), in đồng. */
	public record Fee(String name, long amount, String note) {
	}

	/**
	 * A step of the internal process, with the role that does it and its allotted working
	 * hours.
	 */
	public record Step(String name, Role role, double hours) {
	}

	public ProcedureContent {
		applicantTypes = applicantTypes == null ? List.of() : applicantTypes.stream().distinct().sorted().toList();
		components = components == null ? List.of() : List.copyOf(components);
		fees = fees == null ? List.of() : List.copyOf(fees);
		steps = steps == null ? List.of() : List.copyOf(steps);
		legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
	}

	/** Sum of the fees, in đồng. */
	public long feeTotal() {
		return this.fees.stream().mapToLong(Fee::amount).sum();
	}

	/** Sum of the steps' allotted hours. */
	public double stepHours() {
		return this.steps.stream().mapToDouble(Step::hours).sum();
	}

}
