package vn.motcua.dossier.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.motcua.calendar.core.PeriodUnit;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStep;
import vn.motcua.dossier.HistoryEntry;
import vn.motcua.dossier.ReturnChannel;
import vn.motcua.dossier.SubmittedComponent;
import vn.motcua.dossier.Timeliness;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.org.Role;
import vn.motcua.shared.Database;

/** Dossiers, their steps, components and history in the {@code dossier*} tables. */
@Repository
public class DossierStore {

	private static final String COLUMNS = "id, code, unit_code, procedure_code, procedure_name, procedure_version_id,"
			+ " committed_amount, committed_unit, same_day_cutoff, channel, applicant_name, applicant_id_number,"
			+ " applicant_phone, applicant_email, applicant_address, status, paused_from, received_at, original_due_at,"
			+ " due_at, supplement_requests, pause_started_at, apologies, forced_late, current_step, resolved_at,"
			+ " timeliness, result_ref, returned_at, return_channel, version";

	/** The columns of a whole dossier: its head and its steps and components. */
	private static final String ALL_COLUMNS = COLUMNS + ", steps, components";

	/** A step as stored in the {@code steps} document. */
	record StepRow(int number, String name, Role role, double hours, String assignee, Instant startedAt, Instant dueAt,
			Instant completedAt, String completedBy, Timeliness verdict) {

		static StepRow of(DossierStep s) {
			return new StepRow(s.number(), s.name(), s.role(), s.hours(), s.assignee(), s.startedAt(), s.dueAt(),
					s.completedAt(), s.completedBy(), s.verdict());
		}

		DossierStep toStep() {
			return new DossierStep(this.number, this.name, this.role, this.hours, this.assignee, this.startedAt,
					this.dueAt, this.completedAt, this.completedBy, this.verdict);
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<StepRow>> STEPS = new TypeReference<>() {
	};

	private static final TypeReference<List<SubmittedComponent>> COMPONENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Database database;

	DossierStore(JdbcClient jdbc, JdbcTemplate batch, Database database) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.database = database;
	}

	private static final String INSERT = "insert into dossier (code, unit_code, procedure_code, procedure_name,"
			+ " procedure_version_id, committed_amount, committed_unit, same_day_cutoff, channel, applicant_name,"
			+ " applicant_id_number, applicant_phone, applicant_email, applicant_address, status, paused_from,"
			+ " received_at, original_due_at, due_at, supplement_requests, pause_started_at, apologies, forced_late,"
			+ " current_step, current_assignee, in_progress, overdue_from, resolved_at, timeliness, result_ref,"
			+ " returned_at, return_channel, steps, components, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
			+ " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String UPDATE = "update dossier set status = ?, paused_from = ?, due_at = ?,"
			+ " supplement_requests = ?, pause_started_at = ?, apologies = ?, forced_late = ?, current_step = ?,"
			+ " current_assignee = ?, in_progress = ?, overdue_from = ?, resolved_at = ?, timeliness = ?, result_ref = ?,"
			+ " returned_at = ?, return_channel = ?, steps = ?, version = version + 1 where id = ? and version = ?";

	private static final String HISTORY_COLUMNS = "dossier_history (dossier_id, at, actor, action, from_status,"
			+ " to_status, note)";

	/**
	 * Inserts a new dossier with its steps, components and history; returns its id. On
	 * PostgreSQL the dossier and its history entry go in one statement (one round trip).
	 */
	public long insert(Dossier dossier, List<HistoryEntry> history) {
		Dossier.State s = dossier.state();
		Object[] row = { s.code(), s.unitCode(), s.procedureCode(), s.procedureName(), s.procedureVersionId(),
				s.committedTime().amount(), s.committedTime().unit().name(), s.sameDayCutoff(), s.channel().name(),
				s.applicant().name(), s.applicant().idNumber(), s.applicant().phone(), s.applicant().email(),
				s.applicant().address(), s.status().name(), name(s.pausedFrom()), utc(s.receivedAt()),
				utc(s.originalDueAt()), utc(s.dueAt()), s.supplementRequests(), utc(s.pauseStartedAt()), s.apologies(),
				s.forcedLate(), s.currentStep(), currentAssignee(s), !s.status().isResolved(), utc(overdueFrom(s)),
				utc(s.resolvedAt()), name(s.timeliness()), s.resultRef(), utc(s.returnedAt()), name(s.returnChannel()),
				steps(s), JSON.writeValueAsString(s.components()), 0 };
		if (this.database.postgres() && history.size() == 1) {
			return this.jdbc
				.sql("with created as (" + INSERT + " returning id) insert into " + HISTORY_COLUMNS
						+ " select id, ?, ?, ?, ?, ?, ? from created returning dossier_id")
				.params(concat(row, historyValues(history.get(0))))
				.query(Long.class)
				.single();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(INSERT).params(row).update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		appendHistory(id, history);
		return id;
	}

	/**
	 * Writes the dossier's new state if nobody changed it since it was read, with its new
	 * history entries; on PostgreSQL in one statement (one round trip).
	 * @return whether it was written (false: another officer changed it first)
	 */
	public boolean update(Dossier dossier, List<HistoryEntry> history) {
		Dossier.State s = dossier.state();
		Object[] row = { s.status().name(), name(s.pausedFrom()), utc(s.dueAt()), s.supplementRequests(),
				utc(s.pauseStartedAt()), s.apologies(), s.forcedLate(), s.currentStep(), currentAssignee(s),
				!s.status().isResolved(), utc(overdueFrom(s)), utc(s.resolvedAt()), name(s.timeliness()), s.resultRef(),
				utc(s.returnedAt()), name(s.returnChannel()), steps(s), s.id(), s.version() };
		if (this.database.postgres() && history.size() == 1) {
			// the history row is inserted only where the update found its version
			return this.jdbc
				.sql("with changed as (" + UPDATE + " returning id) insert into " + HISTORY_COLUMNS
						+ " select id, ?, ?, ?, ?, ?, ? from changed")
				.params(concat(row, historyValues(history.get(0))))
				.update() == 1;
		}
		if (this.jdbc.sql(UPDATE).params(row).update() == 0) {
			return false;
		}
		appendHistory(s.id(), history);
		return true;
	}

	private void appendHistory(long id, List<HistoryEntry> history) {
		List<Object[]> rows = new ArrayList<>();
		for (HistoryEntry h : history) {
			rows.add(concat(new Object[] { id }, historyValues(h)));
		}
		this.batch.batchUpdate("insert into " + HISTORY_COLUMNS + " values (?, ?, ?, ?, ?, ?, ?)", rows);
	}

	private static Object[] historyValues(HistoryEntry h) {
		return new Object[] { utc(h.at()), h.actor(), h.action(), name(h.from()), h.to().name(),
				h.note() == null ? null : h.note().substring(0, Math.min(4000, h.note().length())) };
	}

	private static Object[] concat(Object[] a, Object[] b) {
		Object[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	public Optional<Dossier> find(String code) {
		return this.jdbc.sql("select " + ALL_COLUMNS + " from dossier where code = ?").param(code).query((rs, n) -> {
			Dossier.State head = head(rs, n);
			List<DossierStep> steps = JSON.readValue(rs.getString("steps"), STEPS)
				.stream()
				.map(StepRow::toStep)
				.toList();
			List<SubmittedComponent> components = JSON.readValue(rs.getString("components"), COMPONENTS);
			return new Dossier(new Dossier.State(head.id(), head.code(), head.unitCode(), head.procedureCode(),
					head.procedureName(), head.procedureVersionId(), head.committedTime(), head.sameDayCutoff(),
					head.channel(), head.applicant(), components, steps, head.receivedAt(), head.originalDueAt(),
					head.status(), head.pausedFrom(), head.dueAt(), head.supplementRequests(), head.pauseStartedAt(),
					head.apologies(), head.forcedLate(), head.currentStep(), head.resolvedAt(), head.timeliness(),
					head.resultRef(), head.returnedAt(), head.returnChannel(), head.version()));
		}).optional();
	}

	private static String steps(Dossier.State s) {
		return JSON.writeValueAsString(s.steps().stream().map(StepRow::of).toList());
	}

	public List<HistoryEntry> history(long dossierId) {
		return this.jdbc
			.sql("select at, actor, action, from_status, to_status, note from dossier_history where dossier_id = ?"
					+ " order by id")
			.param(dossierId)
			.query((rs, n) -> new HistoryEntry(instant(rs, 1), rs.getString(2), rs.getString(3),
					rs.getString(4) == null ? null : DossierStatus.valueOf(rs.getString(4)),
					DossierStatus.valueOf(rs.getString(5)), rs.getString(6)))
			.list();
	}

	/**
	 * Dossiers matching a list's filters, without their steps; the page and the total.
	 */
	public Page search(Filter f) {
		StringBuilder where = new StringBuilder(" where unit_code = :unit");
		Map<String, Object> params = new HashMap<>();
		params.put("unit", f.unitCode());
		if (f.status() != null) {
			where.append(" and status = :status");
			params.put("status", f.status().name());
		}
		if (f.assignee() != null) {
			where.append(" and current_assignee = :assignee and in_progress = true");
			params.put("assignee", f.assignee());
		}
		if (Boolean.TRUE.equals(f.overdue())) {
			where.append(" and overdue_from < :now");
			params.put("now", utc(f.now()));
		}
		else if (Boolean.FALSE.equals(f.overdue())) {
			where.append(" and in_progress = true and (overdue_from >= :now or overdue_from is null)");
			params.put("now", utc(f.now()));
		}
		if (f.dueBefore() != null) {
			where.append(" and overdue_from >= :now and overdue_from <= :dueBefore");
			params.put("now", utc(f.now()));
			params.put("dueBefore", utc(f.dueBefore()));
		}
		if (f.receivedFrom() != null) {
			where.append(" and received_at >= :from");
			params.put("from", utc(f.receivedFrom()));
		}
		if (f.receivedTo() != null) {
			where.append(" and received_at < :to");
			params.put("to", utc(f.receivedTo()));
		}
		// count at most COUNT_CAP + 1 matches: a queue of tens of thousands needs no
		// exact number
		long total = this.jdbc
			.sql("select count(*) from (select 1 from dossier" + where + " fetch first " + (COUNT_CAP + 1)
					+ " rows only) matches")
			.params(params)
			.query(Long.class)
			.single();
		// unit_code leads each order, though fixed, so that H2 too reads the index in
		// order and stops early
		String order = Boolean.TRUE.equals(f.overdue()) || f.dueBefore() != null ? " order by unit_code, overdue_from"
				: f.overdue() != null || f.assignee() != null ? " order by due_at"
						: " order by unit_code desc, received_at desc";
		List<Dossier.State> items = this.jdbc
			.sql("select " + COLUMNS + " from dossier" + where + order + " offset " + ((long) f.page() * f.size())
					+ " rows fetch next " + f.size() + " rows only")
			.params(params)
			.query(DossierStore::head)
			.list();
		return new Page(items, Math.min(total, COUNT_CAP), total > COUNT_CAP);
	}

	/** Lists count their matches exactly up to this many. */
	public static final int COUNT_CAP = 10_000;

	/** The dossiers of an applicant by ID number, newest first (at most 200). */
	public List<Dossier.State> ofApplicant(String idNumber) {
		return this.jdbc
			.sql("select " + COLUMNS + " from dossier where applicant_id_number = ?"
					+ " order by received_at desc fetch first 200 rows only")
			.param(idNumber)
			.query(DossierStore::head)
			.list();
	}

	/** The applicant's details as given on their latest dossier at the unit. */
	public Optional<Applicant> latestApplicant(String unitCode, String idNumber) {
		return this.jdbc
			.sql("select applicant_name, applicant_id_number, applicant_phone, applicant_email,"
					+ " applicant_address from dossier where unit_code = ? and applicant_id_number = ?"
					+ " order by received_at desc fetch first 1 rows only")
			.params(unitCode, idNumber)
			.query((rs, n) -> new Applicant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	/** What a list asks for; null parts do not filter. */
	public record Filter(String unitCode, DossierStatus status, Boolean overdue, Instant dueBefore, String assignee,
			Instant receivedFrom, Instant receivedTo, Instant now, int page, int size) {
	}

	/**
	 * One page of dossiers (heads only: no steps, components or history) and the number
	 * of all that match, or {@link #COUNT_CAP} when there are more.
	 */
	public record Page(List<Dossier.State> items, long total, boolean totalCapped) {
	}

	public void insertSlip(String unitCode, String procedureCode, String outcome, String applicantName, String items,
			Instant at, String actor) {
		this.jdbc
			.sql("insert into dossier_intake_slip (unit_code, procedure_code, outcome, applicant_name, items, at,"
					+ " actor) values (?, ?, ?, ?, ?, ?, ?)")
			.params(unitCode, procedureCode, outcome, applicantName, items, utc(at), actor)
			.update();
	}

	private static Dossier.State head(ResultSet rs, int row) throws SQLException {
		return new Dossier.State(rs.getLong("id"), rs.getString("code"), rs.getString("unit_code"),
				rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getLong("procedure_version_id"),
				new ProcessingTime(rs.getInt("committed_amount"), PeriodUnit.valueOf(rs.getString("committed_unit"))),
				rs.getObject("same_day_cutoff", LocalTime.class), Channel.valueOf(rs.getString("channel")),
				new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"),
						rs.getString("applicant_phone"), rs.getString("applicant_email"),
						rs.getString("applicant_address")),
				List.of(), List.of(), instant(rs, "received_at"), instant(rs, "original_due_at"),
				DossierStatus.valueOf(rs.getString("status")), status(rs.getString("paused_from")),
				instant(rs, "due_at"), rs.getInt("supplement_requests"), instant(rs, "pause_started_at"),
				rs.getInt("apologies"), rs.getBoolean("forced_late"), rs.getInt("current_step"),
				instant(rs, "resolved_at"),
				rs.getString("timeliness") == null ? null : Timeliness.valueOf(rs.getString("timeliness")),
				rs.getString("result_ref"), instant(rs, "returned_at"),
				rs.getString("return_channel") == null ? null : ReturnChannel.valueOf(rs.getString("return_channel")),
				rs.getInt("version"));
	}

	/**
	 * From when the dossier counts as overdue (see {@link Dossier#isOverdue}): its due
	 * time while it runs; none while paused for a supplement or once resolved; its
	 * receipt once it is late by rule.
	 */
	private static Instant overdueFrom(Dossier.State s) {
		if (s.status().isResolved()) {
			return null;
		}
		if (s.forcedLate()) {
			return s.receivedAt();
		}
		return s.status() == DossierStatus.WAITING_FOR_SUPPLEMENT ? null : s.dueAt();
	}

	private static String currentAssignee(Dossier.State s) {
		if (s.status().isResolved() || s.steps().isEmpty()) {
			return null;
		}
		return s.steps().get(Math.min(s.currentStep(), s.steps().size() - 1)).assignee();
	}

	private static DossierStatus status(String name) {
		return name == null ? null : DossierStatus.valueOf(name);
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

}
