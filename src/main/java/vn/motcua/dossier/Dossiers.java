package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.core.PeriodUnit;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.org.Role;
import vn.motcua.org.SupplementMode;
import vn.motcua.shared.Database;
import vn.motcua.shared.VietnameseText;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/**
 * The dossiers in the {@code dossier*} tables: the aggregate's store, beside it. Saving a
 * dossier writes its state (what the aggregate decided, including when it is overdue and
 * who holds its current step, as columns that lists read) and its new history under an
 * optimistic lock, then publishes its events. The dossiers this instance wrote last are
 * kept at the version it wrote, so that an action naming that version is served without
 * reading again (ADR 11): a version is written once, by one transaction, so the state
 * kept for a version is the state stored for it, whichever instance asks; a later version
 * written by anyone makes the optimistic update miss, and the action gets its 409 as it
 * would have without this. Kept only after the writing transaction commits; the least
 * recently used go first.
 */
@Repository
class Dossiers {

	static final int RECENT = 4_096;

	private static final String COLUMNS = "id, code, unit_code, procedure_code, procedure_name, procedure_version_id,"
			+ " committed_amount, committed_unit, same_day_cutoff, channel, applicant_name, applicant_id_number,"
			+ " applicant_phone, applicant_email, applicant_address, status, paused_from, received_at, original_due_at,"
			+ " due_at, supplement_requests, pause_started_at, apologies, forced_late, current_step, resolved_at,"
			+ " timeliness, result_ref, returned_at, return_channel, supplement_mode, version, steps, components,"
			+ " submitted_at, intake_due_at, applicant_notice, apology_reason, source, fee";

	private static final String INSERT = "insert into dossier (code, unit_code, procedure_code, procedure_name,"
			+ " procedure_version_id, committed_amount, committed_unit, same_day_cutoff, channel, applicant_name,"
			+ " applicant_id_number, applicant_phone, applicant_email, applicant_address, status, paused_from,"
			+ " received_at, original_due_at, due_at, supplement_requests, pause_started_at, apologies, forced_late,"
			+ " current_step, current_assignee, in_progress, overdue_from, resolved_at, timeliness, result_ref,"
			+ " returned_at, return_channel, supplement_mode, steps, components, version, applicant_name_folded,"
			+ " submitted_at, intake_due_at, applicant_notice, apology_reason, source, fee_amount, fee) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static final String UPDATE = "update dossier set status = ?, paused_from = ?, due_at = ?,"
			+ " supplement_requests = ?, pause_started_at = ?, apologies = ?, forced_late = ?, current_step = ?,"
			+ " current_assignee = ?, in_progress = ?, overdue_from = ?, resolved_at = ?, timeliness = ?, result_ref = ?,"
			+ " returned_at = ?, return_channel = ?, steps = ?, received_at = ?, original_due_at = ?, intake_due_at = ?,"
			+ " applicant_notice = ?, apology_reason = ?, supplement_mode = ?, components = ?, fee = ?,"
			+ " version = version + 1" + " where id = ? and version = ?";

	private static final String HISTORY_COLUMNS = "dossier_history (dossier_id, at, actor, action, from_status,"
			+ " to_status, note, facts)";

	/** A step as stored in the {@code steps} document. */
	record StepRow(int number, String name, Role role, double hours, String assignee, java.time.Instant startedAt,
			java.time.Instant dueAt, java.time.Instant completedAt, String completedBy, Timeliness verdict) {

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

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<String, DossierState> recent = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, DossierState> eldest) {
			return size() > RECENT;
		}
	};

	Dossiers(JdbcClient jdbc, JdbcTemplate batch, Database database, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.database = database;
		this.events = events;
		this.clock = clock;
	}

	/** The dossier as stored now. */
	Optional<Dossier> find(String code) {
		return this.jdbc.sql("select " + COLUMNS + " from dossier where code = ?")
			.param(code)
			.query(Dossiers::state)
			.optional()
			.map(Dossier::new);
	}

	/**
	 * The open dossiers whose clock runs (not waiting for a supplement) and whose current
	 * step has an assignee: those whose step may come due.
	 */
	List<Dossier> runningAndAssigned() {
		return this.jdbc
			.sql("select " + COLUMNS + " from dossier where in_progress and current_assignee is not null"
					+ " and overdue_from is not null")
			.query(Dossiers::state)
			.list()
			.stream()
			.map(Dossier::new)
			.toList();
	}

	/**
	 * The dossier at the version the caller acts on: from the versions this instance
	 * wrote when it wrote that one, else as stored (whatever its version; the caller
	 * compares).
	 */
	Optional<Dossier> find(String code, Integer version) {
		if (version != null) {
			DossierState kept;
			synchronized (this.recent) {
				kept = this.recent.get(code);
			}
			if (kept != null && kept.version == version) {
				return Optional.of(new Dossier(kept.copy()));
			}
		}
		return find(code);
	}

	/**
	 * Writes a new dossier, or the changes to one if nobody changed it since it was read,
	 * with its new history; then publishes its events.
	 * @throws DossierChanged when another officer changed it first
	 */
	void save(Dossier dossier) {
		DossierState s = dossier.state();
		List<HistoryEntry> history = dossier.newHistory();
		List<Object> recorded = dossier.events();
		boolean replayed = dossier.replaying();
		List<DossierProgressed.Figures> progress = dossier.progress();
		if (s.id == null) {
			dossier.stored(insert(dossier, history), 0);
		}
		else if (update(dossier, history)) {
			dossier.stored(s.id, s.version + 1);
		}
		else {
			Dossier current = find(s.code).orElseThrow();
			throw new DossierChanged(DossierView.of(current, this.clock.instant()));
		}
		// a history being imported tells nobody anything: it happened in the previous
		// system
		if (!replayed) {
			recorded.forEach(this.events::publishEvent);
		}
		if (!progress.isEmpty()) {
			this.events.publishEvent(new DossierProgressed(s.code, s.unitCode, s.procedureCode, s.channel, s.version,
					replayed || s.source != null, progress));
		}
		keepOnCommit(s.copy());
	}

	private void keepOnCommit(DossierState state) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				synchronized (Dossiers.this.recent) {
					DossierState kept = Dossiers.this.recent.get(state.code);
					if (kept == null || kept.version < state.version) {
						Dossiers.this.recent.put(state.code, state);
					}
				}
			}
		});
	}

	/**
	 * Inserts a new dossier with its history; returns its id. On PostgreSQL the dossier
	 * and its history entry go in one statement (one round trip).
	 */
	private long insert(Dossier dossier, List<HistoryEntry> history) {
		DossierState s = dossier.state();
		Object[] row = { s.code, s.unitCode, s.procedureCode, s.procedureName, s.procedureVersionId,
				s.committedTime.amount(), s.committedTime.unit().name(), s.sameDayCutoff, s.channel.name(),
				s.applicant.name(), s.applicant.idNumber(), s.applicant.phone(), s.applicant.email(),
				s.applicant.address(), s.status.name(), name(s.pausedFrom), utc(s.receivedAt), utc(s.originalDueAt),
				utc(s.dueAt), s.supplementRequests, utc(s.pauseStartedAt), s.apologies, s.forcedLate, s.currentStep,
				dossier.currentAssignee(), !s.status.isResolved(), utc(dossier.overdueFrom()), utc(s.resolvedAt),
				name(s.timeliness), s.resultRef, utc(s.returnedAt), name(s.returnChannel), s.supplementMode.name(),
				steps(s), JSON.writeValueAsString(s.components), 0, folded(s.applicant.name()), utc(s.submittedAt),
				utc(s.intakeDueAt), s.applicantNotice, s.apologyReason, s.source, s.fee == null ? 0 : s.fee.amount(),
				fee(s.fee) };
		if (this.database.postgres() && history.size() == 1) {
			return this.jdbc
				.sql("with created as (" + INSERT + " returning id) insert into " + HISTORY_COLUMNS
						+ " select id, ?, ?, ?, ?, ?, ?, ? from created returning dossier_id")
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
	 * Writes the dossier's new state if its version is still the stored one, with its new
	 * history entries; on PostgreSQL in one statement (one round trip).
	 */
	private boolean update(Dossier dossier, List<HistoryEntry> history) {
		DossierState s = dossier.state();
		Object[] row = { s.status.name(), name(s.pausedFrom), utc(s.dueAt), s.supplementRequests, utc(s.pauseStartedAt),
				s.apologies, s.forcedLate, s.currentStep, dossier.currentAssignee(), !s.status.isResolved(),
				utc(dossier.overdueFrom()), utc(s.resolvedAt), name(s.timeliness), s.resultRef, utc(s.returnedAt),
				name(s.returnChannel), steps(s), utc(s.receivedAt), utc(s.originalDueAt), utc(s.intakeDueAt),
				s.applicantNotice, s.apologyReason, s.supplementMode.name(), JSON.writeValueAsString(s.components),
				fee(s.fee), s.id, s.version };
		if (this.database.postgres() && history.size() == 1) {
			// the history row is inserted only where the update found its version
			return this.jdbc
				.sql("with changed as (" + UPDATE + " returning id) insert into " + HISTORY_COLUMNS
						+ " select id, ?, ?, ?, ?, ?, ?, ? from changed")
				.params(concat(row, historyValues(history.get(0))))
				.update() == 1;
		}
		if (this.jdbc.sql(UPDATE).params(row).update() == 0) {
			return false;
		}
		appendHistory(s.id, history);
		return true;
	}

	private void appendHistory(long id, List<HistoryEntry> history) {
		List<Object[]> rows = new ArrayList<>();
		for (HistoryEntry h : history) {
			rows.add(concat(new Object[] { id }, historyValues(h)));
		}
		this.batch.batchUpdate("insert into " + HISTORY_COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	private static Object[] historyValues(HistoryEntry h) {
		return new Object[] { utc(h.at()), h.actor(), h.action(), name(h.from()), h.to().name(),
				h.note() == null ? null : h.note().substring(0, Math.min(4000, h.note().length())), facts(h.facts()) };
	}

	private static Object[] concat(Object[] a, Object[] b) {
		Object[] all = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	/**
	 * The dossier's history, oldest first, without the officers' names (the queries add
	 * them).
	 */
	List<HistoryEntry> history(long dossierId) {
		return this.jdbc
			.sql("select at, actor, action, from_status, to_status, note, facts from dossier_history"
					+ " where dossier_id = ? order by id")
			.param(dossierId)
			.query((rs, n) -> new HistoryEntry(instant(rs, 1), rs.getString(2), null, rs.getString(3),
					status(rs.getString(4)), DossierStatus.valueOf(rs.getString(5)), rs.getString(6),
					facts(rs.getString(7))))
			.list();
	}

	/**
	 * An entry's facts as stored: a JSON document of the facts it has, or null for none.
	 * Names are never stored: they are read from the officers.
	 */
	static String facts(HistoryFacts facts) {
		return facts == null || facts.isEmpty() ? null
				: JSON.writeValueAsString(new HistoryFacts(facts.assignee(), null, facts.step(), facts.dueAt(),
						facts.previousDueAt(), facts.channel(), facts.returnChannel(), facts.supplementRequest(),
						facts.late(), facts.pauseStartedAt(), facts.pausedMinutes(), facts.supplementMode(),
						facts.resultRef(), facts.checkDueAt(), facts.handedIn()));
	}

	static HistoryFacts facts(String json) {
		return json == null ? HistoryFacts.NONE : JSON.readValue(json, HistoryFacts.class);
	}

	/**
	 * Records an intake that did not become a dossier: guidance (the missing components,
	 * one a line) or refusal (the reason); returns the slip's id.
	 */
	long insertSlip(String unitCode, ProcedureContent procedure, IntakeOutcome outcome, Applicant applicant,
			String items, java.time.Instant at, String actor) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into dossier_intake_slip (unit_code, procedure_code, procedure_name, outcome, applicant_name,"
					+ " applicant_id_number, applicant_phone, applicant_email, applicant_address, items, at, actor)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(unitCode, procedure.code(), procedure.name(), outcome.name(), applicant.name(),
					applicant.idNumber(), applicant.phone(), applicant.email(), applicant.address(), items, utc(at),
					actor)
			.update(key, "id");
		long id = key.getKeyAs(Number.class).longValue();
		this.events.publishEvent(new IntakeSlipRecorded(id, unitCode, outcome, at));
		return id;
	}

	/** An intake slip by its id. */
	Optional<IntakeSlip> findSlip(long id) {
		return this.jdbc.sql("select id, unit_code, procedure_code, coalesce(procedure_name, procedure_code), outcome,"
				+ " applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, items,"
				+ " at, actor from dossier_intake_slip where id = ?")
			.param(id)
			.query((rs, n) -> IntakeSlip.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					IntakeOutcome.valueOf(rs.getString(5)),
					new Applicant(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)),
					rs.getString(11), instant(rs, 12), rs.getString(13)))
			.optional();
	}

	/**
	 * The applicant's name as searched (ADR 6), within its column: folding never
	 * lengthens a Vietnamese name, but it may lengthen a few other scripts' letters.
	 */
	static String folded(String name) {
		String folded = VietnameseText.fold(name);
		return folded.length() > 200 ? folded.substring(0, 200) : folded;
	}

	private static String steps(DossierState s) {
		return JSON.writeValueAsString(s.steps.stream().map(StepRow::of).toList());
	}

	private static DossierState state(ResultSet rs, int row) throws SQLException {
		return new DossierState(rs.getLong("id"), rs.getString("code"), rs.getString("unit_code"),
				rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getLong("procedure_version_id"),
				new ProcessingTime(rs.getInt("committed_amount"), PeriodUnit.valueOf(rs.getString("committed_unit"))),
				rs.getObject("same_day_cutoff", LocalTime.class), Channel.valueOf(rs.getString("channel")),
				new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"),
						rs.getString("applicant_phone"), rs.getString("applicant_email"),
						rs.getString("applicant_address")),
				JSON.readValue(rs.getString("components"), COMPONENTS),
				JSON.readValue(rs.getString("steps"), STEPS).stream().map(StepRow::toStep).toList(),
				instant(rs, "received_at"), instant(rs, "original_due_at"),
				DossierStatus.valueOf(rs.getString("status")), status(rs.getString("paused_from")),
				instant(rs, "due_at"), rs.getInt("supplement_requests"), instant(rs, "pause_started_at"),
				rs.getInt("apologies"), rs.getBoolean("forced_late"), rs.getInt("current_step"),
				instant(rs, "resolved_at"), enumOf(Timeliness.class, rs.getString("timeliness")),
				rs.getString("result_ref"), instant(rs, "returned_at"),
				enumOf(ReturnChannel.class, rs.getString("return_channel")),
				SupplementMode.valueOf(rs.getString("supplement_mode")), instant(rs, "submitted_at"),
				instant(rs, "intake_due_at"), rs.getString("applicant_notice"), rs.getString("apology_reason"),
				rs.getInt("version"))
			.from(rs.getString("source"))
			.withFee(fee(rs.getString("fee")));
	}

	private static String fee(DossierFee fee) {
		return fee == null ? null : JSON.writeValueAsString(fee);
	}

	static DossierFee fee(String json) {
		return json == null ? null : JSON.readValue(json, DossierFee.class);
	}

	static DossierStatus status(String name) {
		return enumOf(DossierStatus.class, name);
	}

	static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}

}
