package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.dossier.core.ApplicantRules;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.shared.Problem.Violation;

import static vn.motcua.dossier.DossierHistory.CODE_MAX;
import static vn.motcua.dossier.DossierHistory.SOURCE_ID_MAX;
import static vn.motcua.dossier.DossierHistory.SOURCE_MAX;

/**
 * What an imported dossier's values must be before it is replayed, and the words of the
 * import report (ADR 29): Vietnamese, for the ward's administrator who reads it.
 */
final class ImportWording {

	private ImportWording() {
	}

	/** The earliest receipt an import takes. */
	static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	/** The verdicts, as the report says them. */
	static final java.util.Map<vn.motcua.dossier.core.Timeliness, String> VERDICT = java.util.Map.of(
			vn.motcua.dossier.core.Timeliness.EARLY, "trước hạn", vn.motcua.dossier.core.Timeliness.ON_TIME, "đúng hạn",
			vn.motcua.dossier.core.Timeliness.LATE, "trễ hạn");

	/** The statuses, as the report says them. */
	static final java.util.Map<DossierStatus, String> STATUS = java.util.Map.of(DossierStatus.RECEIVED, "mới tiếp nhận",
			DossierStatus.IN_PROCESSING, "đang xử lý", DossierStatus.WAITING_FOR_SUPPLEMENT, "chờ bổ sung",
			DossierStatus.AWAITING_APPROVAL, "chờ phê duyệt", DossierStatus.APPROVED, "đã phê duyệt",
			DossierStatus.RESULT_READY, "đã có kết quả", DossierStatus.RETURNED, "đã trả kết quả",
			DossierStatus.REFUSED, "đã từ chối", DossierStatus.STOPPED, "đã dừng", DossierStatus.WITHDRAWN, "đã rút");

	/** What is wrong with an applicant's details, as the report says it. */
	static final java.util.Map<String, String> APPLICANT = java.util.Map.of("applicant.name",
			"bắt buộc, tối đa 200 ký tự, không có ký tự điều khiển", "applicant.idNumber",
			"số định danh cá nhân 12 chữ số (hoặc số chứng minh nhân dân 9 chữ số của những năm trước)",
			"applicant.phone", "số điện thoại Việt Nam: 10 chữ số bắt đầu bằng 0 (hoặc +84 và 9 chữ số)",
			"applicant.email", "địa chỉ thư điện tử, tối đa 120 ký tự", "applicant.address",
			"tối đa 300 ký tự, không có ký tự điều khiển");

	private static final java.time.format.DateTimeFormatter VN_TIME = java.time.format.DateTimeFormatter
		.ofPattern("HH:mm dd/MM/yyyy");

	static List<Violation> check(ImportedDossier d, Instant now) {
		List<Violation> wrong = new ArrayList<>();
		text(wrong, "source", d.source(), SOURCE_MAX);
		text(wrong, "sourceId", d.sourceId(), SOURCE_ID_MAX);
		text(wrong, "code", d.code(), CODE_MAX);
		if (d.code() != null && !d.code().matches("[A-Za-z0-9._-]*")) {
			wrong.add(Violation.of("code", "chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới"));
		}
		text(wrong, "procedure", d.procedureCode(), 60);
		if (d.unitCode() != null && (d.unitCode().length() > 40 || ApplicantRules.hasControl(d.unitCode()))) {
			wrong.add(Violation.of("unit", "tối đa 40 ký tự"));
		}
		if (d.channel() == null) {
			wrong.add(Violation.of("channel", "một trong COUNTER, POST, ONLINE"));
		}
		if (d.applicant() == null) {
			wrong.add(Violation.of("applicant.name", "bắt buộc"));
		}
		else {
			Applicant a = d.applicant();
			String id = strip(a.idNumber());
			boolean oldCard = id != null && id.matches("\\d{9}");
			ApplicantRules
				.check(strip(a.name()), oldCard ? null : id, strip(a.phone()), strip(a.email()), strip(a.address()),
						false, false)
				.forEach(v -> wrong.add(Violation.of(v.field(), APPLICANT.getOrDefault(v.field(), v.reason()))));
		}
		for (int i = 0; i < d.components().size(); i++) {
			ImportedDossier.Component c = d.components().get(i);
			if (c == null || c.name() == null || c.name().isBlank() || c.name().length() > 500
					|| ApplicantRules.hasControl(c.name())) {
				wrong.add(Violation.of("components[" + i + "].name", "bắt buộc, tối đa 500 ký tự"));
			}
		}
		if (d.receivedAt() == null) {
			wrong.add(Violation.of("receivedAt", "bắt buộc: thời điểm tiếp nhận hồ sơ"));
		}
		else if (d.receivedAt().isAfter(now)) {
			wrong.add(Violation.of("receivedAt", "ở tương lai"));
		}
		else if (d.receivedAt().isBefore(EARLIEST)) {
			wrong.add(Violation.of("receivedAt", "trước năm 2000"));
		}
		if (d.sourceDueAt() != null && d.receivedAt() != null && (d.sourceDueAt().isBefore(d.receivedAt())
				|| d.sourceDueAt().isAfter(d.receivedAt().plus(java.time.Duration.ofDays(3660))))) {
			wrong.add(Violation.of("dueAt", "từ lúc tiếp nhận đến mười năm sau"));
		}
		for (int i = 0; i < d.events().size(); i++) {
			ImportedDossier.Event e = d.events().get(i);
			if (e == null || e.type() == null) {
				wrong.add(Violation.of("events[" + i + "].type",
						"một trong HANDOVER, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, APOLOGY, APPROVED, RESULT, RETURNED, REFUSED, STOPPED, WITHDRAWN"));
				continue;
			}
			if (e.at() == null) {
				wrong.add(Violation.of("events[" + i + "].at", "bắt buộc"));
			}
			else if (d.receivedAt() != null && e.at().isBefore(d.receivedAt())) {
				wrong.add(Violation.of("events[" + i + "].at", "trước thời điểm tiếp nhận"));
			}
			else if (e.at().isAfter(now)) {
				wrong.add(Violation.of("events[" + i + "].at", "ở tương lai"));
			}
			if (e.newDueAt() != null && d.receivedAt() != null && (e.newDueAt().isBefore(d.receivedAt())
					|| e.newDueAt().isAfter(d.receivedAt().plus(java.time.Duration.ofDays(3660))))) {
				wrong.add(Violation.of("events[" + i + "].newDueAt", "từ lúc tiếp nhận đến mười năm sau"));
			}
			if (e.type() == ImportedDossier.Kind.APOLOGY && e.newDueAt() == null) {
				wrong.add(Violation.of("events[" + i + "].newDueAt", "bắt buộc với thư xin lỗi hẹn lại"));
			}
			for (String[] t : new String[][] { { "note", e.note() }, { "by", e.by() },
					{ "resultRef", e.resultRef() } }) {
				if (t[1] != null
						&& (t[1].length() > (t[0].equals("note") ? 2000 : 300) || ApplicantRules.hasControl(t[1]))) {
					wrong.add(Violation.of("events[" + i + "]." + t[0], "quá dài, hoặc có ký tự điều khiển"));
				}
			}
		}
		return wrong;
	}

	private static void text(List<Violation> wrong, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			wrong.add(Violation.of(field, "bắt buộc"));
		}
		else if (value.length() > max || ApplicantRules.hasControl(value) || !value.equals(value.strip())) {
			wrong
				.add(Violation.of(field, "tối đa " + max + " ký tự, không có ký tự điều khiển hay dấu cách ở hai đầu"));
		}
	}

	/** An instant as the report says it: 15:30 07/03/2023, in Vietnam's time. */
	static String vn(Instant at) {
		return at.atOffset(WorkingCalendar.ZONE).format(VN_TIME);
	}

	static String vn(LocalDate day) {
		return day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
	}

	static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
