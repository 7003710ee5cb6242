package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.calendar.Calendars;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.ProcedureNotFound;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.core.ApplicantRules;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.org.Actor;
import vn.motcua.org.Role;
import vn.motcua.org.Unit;
import vn.motcua.org.UnitSettings;
import vn.motcua.org.Units;
import vn.motcua.shared.Problem;
import vn.motcua.shared.Problem.Violation;
import vn.motcua.shared.ProblemCode;

import static vn.motcua.shared.Sql.utc;

/**
 * Takes in one dossier of a previous system with its history (ADR 29): received at its
 * own time, each event replayed through the aggregate's rules at the event's time (not
 * the clock), so that its due time, pauses, apology and timeliness are MotCua's; the
 * source's verdict is compared with MotCua's, and where they differ the outcome says why.
 * Who acted was the previous system's officer: their role and assignment are that
 * system's record, not checked again; the status moves and the rules are. An event the
 * rules refuse (an apology less than a working day before the due time) is not replayed
 * and the outcome says so; one that cannot happen in the dossier's state makes the whole
 * dossier wrong. The same source ID imported again changes nothing.
 */
@Service
public class DossierHistory {

	public static final int SOURCE_MAX = 40;

	public static final int SOURCE_ID_MAX = 100;

	public static final int CODE_MAX = 40;

	private final Dossiers dossiers;

	private final DossierIntake intake;

	private final Catalog catalog;

	private final Units units;

	private final Calendars calendars;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final vn.motcua.dossier.internal.DossierCodes codes;

	DossierHistory(Dossiers dossiers, DossierIntake intake, Catalog catalog, Units units, Calendars calendars,
			JdbcClient jdbc, Clock clock, vn.motcua.dossier.internal.DossierCodes codes) {
		this.codes = codes;
		this.dossiers = dossiers;
		this.intake = intake;
		this.catalog = catalog;
		this.units = units;
		this.calendars = calendars;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The code of the dossier imported from the source under that ID, if any. */
	@Transactional(readOnly = true)
	public Optional<String> importedAs(String source, String sourceId) {
		return this.jdbc.sql("select dossier_code from dossier_import_source where source = ? and source_id = ?")
			.params(source, sourceId)
			.query(String.class)
			.optional();
	}

	/** A dossier imported before: its code, and the job and line it came from. */
	private record Imported(String code, Long jobId, Long line) {
	}

	/** How many dossiers the import job imported. */
	@Transactional(readOnly = true)
	public long countImported(long jobId) {
		return this.jdbc.sql("select count(*) from dossier_import_source where job_id = ?")
			.param(jobId)
			.query(Long.class)
			.single();
	}

	/**
	 * What the imported dossiers of a unit say that MotCua's dossiers do not hold: how
	 * many there are, how many had all their components digitized, how many had a result
	 * signed digitally, how many had fees and how many paid them online.
	 */
	public record ImportedFigures(long dossiers, long digitized, long signed, long withFees, long paidOnline) {
	}

	@Transactional(readOnly = true)
	public ImportedFigures importedFigures(String unitCode) {
		return this.jdbc.sql("select count(*), coalesce(sum(case when s.components > 0 and s.digitized_components"
				+ " = s.components then 1 else 0 end), 0), coalesce(sum(case when s.result_signed then 1 else 0 end), 0),"
				+ " coalesce(sum(case when s.fees > 0 then 1 else 0 end), 0),"
				+ " coalesce(sum(case when s.paid_online then 1 else 0 end), 0)"
				+ " from dossier_import_source s join dossier d on d.code = s.dossier_code where d.unit_code = ?")
			.param(unitCode)
			.query((rs, n) -> new ImportedFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.single();
	}

	/**
	 * Imports the dossier, or finds it imported already.
	 * @param unitCode the unit the import is for: the dossier's unit when it names none,
	 * else its unit must be this one or below it
	 * @param jobId the import job, kept with the dossier's source
	 * @throws Problem invalid, naming the field at fault (events by their index:
	 * {@code events[2].type})
	 */
	@Transactional
	public ImportOutcome replay(ImportedDossier d, String unitCode, Long jobId, long line) {
		Instant now = this.clock.instant();
		List<Violation> wrong = ImportWording.check(d, now);
		if (!wrong.isEmpty()) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "The imported dossier has invalid fields", wrong);
		}
		Optional<Imported> before = this.jdbc
			.sql("select dossier_code, job_id, line from dossier_import_source where source = ? and source_id = ?")
			.params(d.source(), d.sourceId())
			.query((rs, n) -> new Imported(rs.getString(1), (Long) rs.getObject(2, Long.class),
					(Long) rs.getObject(3, Long.class)))
			.optional();
		if (before.isPresent()) {
			Imported b = before.get();
			if (jobId != null && jobId.equals(b.jobId()) && b.line() != null && b.line() != line) {
				// the same ID twice in one file: its second dossier would be lost unseen
				throw Problem.invalid(ProblemCode.INVALID_REQUEST, "sourceId",
						"mã '" + d.sourceId() + "' đã có ở dòng " + b.line() + " của tệp này");
			}
			return new ImportOutcome(b.code(), false, null, d.sourceVerdict(), List.of());
		}
		Unit unit = unit(d, unitCode);
		if (this.jdbc.sql("select count(*) from dossier where code = ?")
			.param(d.code())
			.query(Long.class)
			.single() > 0) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "code",
					"mã '" + d.code() + "' đã là mã của một hồ sơ khác");
		}
		LocalDate day = LocalDate.ofInstant(d.receivedAt(), WorkingCalendar.ZONE);
		Procedure procedure;
		try {
			procedure = this.catalog.get(unit.code(), d.procedureCode(), day);
		}
		catch (ProcedureNotFound ex) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "procedure", "thủ tục '" + d.procedureCode()
					+ "' không có trong danh mục của đơn vị " + unit.code() + " ngày " + ImportWording.vn(day));
		}
		ProcedureContent content = procedure.content();
		UnitSettings settings = this.units.settingsOn(unit.code(), day);
		WorkingCalendar calendar = this.calendars.forUnit(unit.code(), day);
		Dossier.Intake intake = new Dossier.Intake(unit.code(), content.code(), content.name(), procedure.versionId(),
				content.committedTime(), content.sameDayCutoff(), d.channel(), applicant(d.applicant()),
				d.components()
					.stream()
					.map(c -> new SubmittedComponent(c.name(), Math.max(0, c.originals()), Math.max(0, c.copies())))
					.toList(),
				this.intake.plan(content, settings.hours().hoursPerDay()), settings.supplementMode(), null);
		List<String> notes = new ArrayList<>();
		Dossier dossier = Dossier.imported(d.source(), d.code(), intake, actor(d.source(), null, unit.code()),
				d.receivedAt(), calendar);
		// the events by time, each with its index in the file for the report
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < d.events().size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing(i -> d.events().get(i).at()));
		for (int i : order) {
			ImportedDossier.Event e = d.events().get(i);
			try {
				replay(dossier, e, actor(d.source(), e.by(), unit.code()), calendar, notes);
			}
			catch (Problem ex) {
				if (ex.violations().stream().anyMatch(v -> "newDueAt".equals(v.field()))) {
					throw Problem.invalid(ProblemCode.INVALID_REQUEST, "events[" + i + "].newDueAt",
							"hạn mới phải sau hạn hiện tại (" + ImportWording.vn(dossier.state().dueAt)
									+ ") và không quá một năm sau");
				}
				throw Problem.invalid(ProblemCode.INVALID_REQUEST, "events[" + i + "].type", "không ghi nhận được "
						+ e.type() + " lúc " + ImportWording.vn(e.at()) + ": hồ sơ khi đó đang "
						+ ImportWording.STATUS.getOrDefault(dossier.state().status, dossier.state().status.name()));
			}
		}
		this.dossiers.save(dossier);
		this.codes.reserve(unit.code(), d.code());
		DossierState s = dossier.state();
		if (d.sourceVerdict() != null && s.timeliness != null && d.sourceVerdict() != s.timeliness) {
			notes.add(0, why(s, d));
		}
		else if (d.sourceVerdict() != null && s.timeliness == null) {
			notes.add(0, "MotCua: hồ sơ chưa kết thúc (chưa có kết quả, từ chối, dừng hay rút); hệ thống cũ: "
					+ ImportWording.VERDICT.get(d.sourceVerdict()));
		}
		long fees = d.fees().stream().mapToLong(ImportedDossier.Fee::amount).sum();
		boolean paidOnline = d.fees().stream().anyMatch(f -> "ONLINE".equalsIgnoreCase(f.paidBy()));
		this.jdbc.sql("insert into dossier_import_source (source, source_id, dossier_code, job_id, line, components,"
				+ " digitized_components, result_signed, fees, paid_online, source_due_at, source_verdict, imported_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(d.source(), d.sourceId(), d.code(), jobId, line, d.components().size(),
					d.components().stream().filter(ImportedDossier.Component::digitized).count(), d.resultSigned(),
					fees, paidOnline, utc(d.sourceDueAt()), d.sourceVerdict() == null ? null : d.sourceVerdict().name(),
					utc(now))
			.update();
		return new ImportOutcome(d.code(), true, s.timeliness, d.sourceVerdict(), List.copyOf(notes));
	}

	/** Why MotCua judged the dossier otherwise than the source did. */
	private static String why(DossierState s, ImportedDossier d) {
		StringBuilder why = new StringBuilder("MotCua: " + ImportWording.VERDICT.get(s.timeliness)
				+ " (giải quyết xong " + ImportWording.vn(s.resolvedAt) + ", hạn " + ImportWording.vn(s.dueAt));
		if (s.forcedLate) {
			why.append(", trễ hạn theo quy định vì yêu cầu bổ sung lần hai");
		}
		if (s.apologies > 0) {
			why.append(", sau thư xin lỗi hẹn lại");
		}
		why.append("); hệ thống cũ: ").append(ImportWording.VERDICT.get(d.sourceVerdict()));
		if (d.sourceDueAt() != null) {
			why.append(" (hạn ").append(ImportWording.vn(d.sourceDueAt())).append(")");
			why.append(d.sourceDueAt().equals(s.dueAt) ? "; cùng hạn giải quyết nhưng kết luận khác"
					: "; hạn giải quyết khác nhau: MotCua tính thời gian cam kết theo giờ làm việc của đơn vị");
		}
		return why.toString();
	}

	private void replay(Dossier dossier, ImportedDossier.Event e, Actor by, WorkingCalendar calendar,
			List<String> notes) {
		Instant at = e.at();
		DossierState s = dossier.state();
		String note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
		switch (e.type()) {
			case HANDOVER -> {
				if (canForward(s)) {
					dossier.forward(by, null, note, at);
				}
				else {
					notes.add("Không ghi nhận lần chuyển xử lý lúc " + ImportWording.vn(at)
							+ ": hồ sơ không còn bước nào để chuyển tới ("
							+ ImportWording.STATUS.getOrDefault(s.status, s.status.name()) + ")");
				}
			}
			case SUPPLEMENT_REQUESTED ->
				dossier.requestSupplement(by, note != null ? note : "Yêu cầu bổ sung hồ sơ", at);
			case SUPPLEMENT_RECEIVED -> dossier.supplementReceived(by, note, at, calendar);
			case APOLOGY -> {
				try {
					dossier.apologize(by, note != null ? note : "Xin lỗi và hẹn lại ngày trả kết quả", e.newDueAt(), at,
							calendar);
				}
				catch (Problem refused) {
					// the rules of the apology itself make a note; anything else (a
					// status
					// that allows none, a new due time not after the old one) a wrong
					// dossier
					String why = switch (refused.code()) {
						case "APOLOGY_ALREADY_GIVEN" -> "hồ sơ chỉ được hẹn lại một lần";
						case "APOLOGY_TOO_LATE" -> "thư xin lỗi phải gửi trước hạn ít nhất một ngày làm việc";
						default -> null;
					};
					if (why == null) {
						throw refused;
					}
					notes.add("Không ghi nhận thư xin lỗi lúc " + ImportWording.vn(at) + ", hạn giải quyết giữ nguyên: "
							+ why);
				}
			}
			case APPROVED -> {
				advanceTo(dossier, DossierStatus.AWAITING_APPROVAL, by, at);
				dossier.approve(by, note, at);
			}
			case RESULT -> issueResult(dossier, e, by);
			case RETURNED -> {
				// a file with the return only: the result was issued then
				if (s.status != DossierStatus.RESULT_READY) {
					issueResult(dossier, e, by);
				}
				dossier.returnResult(by, e.returnChannel() != null ? e.returnChannel() : ReturnChannel.COUNTER, note,
						at);
			}
			case REFUSED -> {
				if (s.status == DossierStatus.RECEIVED && canForward(s)) {
					dossier.forward(by, null, null, at);
				}
				dossier.refuse(by, note != null ? note : "Từ chối giải quyết (nhập từ " + s.source + ")", at);
			}
			case STOPPED -> dossier.stop(by, note, at);
			case WITHDRAWN -> dossier.withdraw(by, note, at);
		}
	}

	/**
	 * The result issued at the event's time, the dossier handed on to it first if need
	 * be.
	 */
	private static void issueResult(Dossier dossier, ImportedDossier.Event e, Actor by) {
		advanceTo(dossier, DossierStatus.APPROVED, by, e.at());
		dossier.recordResult(by, e.resultRef() != null && !e.resultRef().isBlank() ? e.resultRef().strip()
				: "Kết quả (nhập từ " + dossier.state().source + ")", e.at());
	}

	/** Hands the dossier on, step by step, until it has the status (or cannot go on). */
	private static void advanceTo(Dossier dossier, DossierStatus target, Actor by, Instant at) {
		DossierState s = dossier.state();
		for (int guard = 0; guard < 20 && s.status != target; guard++) {
			if (target == DossierStatus.APPROVED && s.status == DossierStatus.AWAITING_APPROVAL) {
				dossier.approve(by, null, at);
			}
			else if (canForward(s)) {
				dossier.forward(by, null, null, at);
			}
			else {
				return;
			}
		}
	}

	private static boolean canForward(DossierState s) {
		return (s.status == DossierStatus.RECEIVED || s.status == DossierStatus.IN_PROCESSING)
				&& s.current().role() != Role.LEADER && s.next() != null;
	}

	/**
	 * Who acted, as the history shows them: the source's officer under the source's name.
	 */
	private static Actor actor(String source, String by, String unitCode) {
		String name = source + ":" + (by == null ? "" : by.strip());
		return new Actor(name.length() > 60 ? name.substring(0, 60) : name, unitCode, Set.of());
	}

	private Unit unit(ImportedDossier d, String unitCode) {
		String code = d.unitCode() != null && !d.unitCode().isBlank() ? d.unitCode().strip() : unitCode;
		Unit unit = this.units.find(code)
			.orElseThrow(() -> Problem.invalid(ProblemCode.INVALID_REQUEST, "unit", "không có đơn vị '" + code + "'"));
		if (unitCode != null && !unit.code().equals(unitCode)
				&& this.units.lineage(unit.code()).stream().noneMatch(u -> u.code().equals(unitCode))) {
			throw Problem.invalid(ProblemCode.INVALID_REQUEST, "unit",
					"đơn vị " + unit.code() + " không phải " + unitCode + " hay đơn vị trực thuộc");
		}
		return unit;
	}

	/**
	 * An applicant's details as stored; a 9-digit identity card number of earlier years
	 * is kept.
	 */
	private static Applicant applicant(Applicant a) {
		return new Applicant(ImportWording.strip(a.name()), ImportWording.strip(a.idNumber()),
				ApplicantRules.phone(ImportWording.strip(a.phone())), ImportWording.strip(a.email()),
				ImportWording.strip(a.address()));
	}

	/**
	 * What is wrong with the dossier's values, before it is replayed: required fields,
	 * lengths, times in order.
	 */
	public List<Violation> check(ImportedDossier d) {
		return ImportWording.check(d, this.clock.instant());
	}

}
