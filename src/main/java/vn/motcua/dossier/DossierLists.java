package vn.motcua.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Timeliness;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/**
 * Lists of dossiers, read from the columns the store wrote for them (status, due time,
 * when each is overdue from, who holds its current step): no dossier is rebuilt to list
 * it.
 */
@Repository
class DossierLists {

	/** Lists count their matches exactly up to this many. */
	static final int COUNT_CAP = 10_000;

	private static final String COLUMNS = "code, unit_code, procedure_code, procedure_name, applicant_name, status,"
			+ " received_at, due_at, overdue_from, timeliness, returned_at, current_assignee";

	/**
	 * What the applicant's own views (the look-up, their page) show beyond a list's row.
	 */
	private static final String NOTICE_COLUMNS = ", submitted_at, intake_due_at, pause_started_at, applicant_notice,"
			+ " apology_reason, original_due_at, fee";

	/**
	 * The words and times of a dossier for its applicant: when it was submitted, when its
	 * check is due, since when its clock is paused, what they were last told, the
	 * apology.
	 */
	record Notices(Instant submittedAt, Instant intakeDueAt, Instant pauseStartedAt, String applicantNotice,
			String apologyReason, Instant originalDueAt, DossierFee fee) {
	}

	/** A dossier in a list, as stored. */
	record Row(String code, String unitCode, String procedureCode, String procedureName, String applicantName,
			DossierStatus status, Instant receivedAt, Instant dueAt, Instant overdueFrom, Timeliness timeliness,
			Instant returnedAt, String currentAssignee) {
	}

	/**
	 * What a list asks for; null parts do not filter. {@code terms}: each must be found
	 * in the code, the folded applicant's name, the ID number or the phone (see
	 * {@link SearchText}). {@code notStatuses} and {@code notAssignee} leave out what an
	 * officer's earlier queue holds already.
	 */
	record Filter(String unitCode, DossierStatus status, Boolean overdue, Instant dueBefore, String assignee,
			Instant receivedFrom, Instant receivedTo, List<SearchText.Term> terms, String procedureCode,
			Set<DossierStatus> notStatuses, String notAssignee, Instant now, int page, int size) {

		Filter(String unitCode, DossierStatus status, Boolean overdue, Instant dueBefore, String assignee,
				Instant receivedFrom, Instant receivedTo, Instant now, int page, int size) {
			this(unitCode, status, overdue, dueBefore, assignee, receivedFrom, receivedTo, List.of(), null, Set.of(),
					null, now, page, size);
		}

	}

	/**
	 * The phone as the search compares it: without spaces, dots or dashes, and +84 as 0.
	 */
	private static final String PHONE_DIGITS = "replace(replace(replace(replace(coalesce(applicant_phone, ''),"
			+ " ' ', ''), '.', ''), '-', ''), '+84', '0')";

	/**
	 * Most urgent first: overdue (the longest overdue first), then open by due time, then
	 * the closed ones, newest first; open ones due at the same time in the order they
	 * came; the code last, so that pages never overlap.
	 */
	private static final String URGENCY = " order by case when overdue_from < :now then 0 when in_progress then 1"
			+ " else 2 end, case when overdue_from < :now then overdue_from when in_progress then due_at end,"
			+ " case when in_progress then received_at end, received_at desc, code";

	/**
	 * One page of rows and the number of all that match, or {@link #COUNT_CAP} past it.
	 */
	record Page(List<Row> items, long total, boolean totalCapped) {
	}

	private final JdbcClient jdbc;

	DossierLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page search(Filter f) {
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
		if (f.procedureCode() != null) {
			where.append(" and procedure_code = :procedure");
			params.put("procedure", f.procedureCode());
		}
		for (int i = 0; i < f.terms().size(); i++) {
			SearchText.Term term = f.terms().get(i);
			where.append(" and (applicant_name_folded like :t" + i + " or lower(code) like :t" + i);
			params.put("t" + i, "%" + term.text() + "%");
			if (term.digits() != null) {
				where.append(" or applicant_id_number like :d" + i + " or " + PHONE_DIGITS + " like :d" + i);
				params.put("d" + i, "%" + term.digits() + "%");
			}
			where.append(")");
		}
		if (!f.notStatuses().isEmpty()) {
			where.append(" and status not in (:notStatuses)");
			params.put("notStatuses", f.notStatuses().stream().map(Enum::name).toList());
		}
		if (f.notAssignee() != null) {
			where.append(" and (current_assignee is null or current_assignee <> :notAssignee or in_progress = false)");
			params.put("notAssignee", f.notAssignee());
		}
		// count at most COUNT_CAP + 1 matches: a queue of tens of thousands needs no
		// exact number
		long total = this.jdbc
			.sql("select count(*) from (select 1 from dossier" + where + " fetch first " + (COUNT_CAP + 1)
					+ " rows only) matches")
			.params(params)
			.query(Long.class)
			.single();
		// every list is in order of urgency; in the overdue and the due-soon lists (open
		// dossiers that are or will be overdue) that is the order of overdue_from, which
		// the index (unit_code, overdue_from) reads: unit_code leads, though fixed, so
		// that H2 too reads the index in order and stops early; online submissions
		// waiting for the check have no receipt yet: the check due first
		String order;
		if (Boolean.TRUE.equals(f.overdue()) || f.dueBefore() != null || f.status() == DossierStatus.AWAITING_INTAKE) {
			order = " order by unit_code, overdue_from";
		}
		else {
			order = URGENCY;
			params.put("now", utc(f.now()));
		}
		List<Row> items = this.jdbc
			.sql("select " + COLUMNS + " from dossier" + where + order + " offset " + ((long) f.page() * f.size())
					+ " rows fetch next " + f.size() + " rows only")
			.params(params)
			.query(DossierLists::row)
			.list();
		return new Page(items, Math.min(total, COUNT_CAP), total > COUNT_CAP);
	}

	/**
	 * The dossiers of an applicant by ID number, newest submitted first (at most 200),
	 * with their notices.
	 */
	List<Proven> ofApplicant(String idNumber) {
		return this.jdbc
			.sql("select " + COLUMNS + NOTICE_COLUMNS + ", applicant_id_number, applicant_phone from dossier"
					+ " where applicant_id_number = ? order by submitted_at desc fetch first 200 rows only")
			.param(idNumber)
			.query(DossierLists::proven)
			.list();
	}

	/**
	 * A dossier's row and notices with the numbers its applicant proves a look-up with
	 * (see LookupProof).
	 */
	record Proven(Row row, Notices notices, String idNumber, String phone) {
	}

	Optional<Proven> forLookup(String code) {
		return this.jdbc
			.sql("select " + COLUMNS + NOTICE_COLUMNS + ", applicant_id_number, applicant_phone from dossier"
					+ " where code = ?")
			.param(code)
			.query(DossierLists::proven)
			.optional();
	}

	private static Proven proven(ResultSet rs, int n) throws SQLException {
		return new Proven(row(rs, n),
				new Notices(instant(rs, "submitted_at"), instant(rs, "intake_due_at"), instant(rs, "pause_started_at"),
						rs.getString("applicant_notice"), rs.getString("apology_reason"),
						instant(rs, "original_due_at"), Dossiers.fee(rs.getString("fee"))),
				rs.getString("applicant_id_number"), rs.getString("applicant_phone"));
	}

	/** The applicant's details as given on their latest dossier at the unit. */
	Optional<Applicant> latestApplicant(String unitCode, String idNumber) {
		return this.jdbc
			.sql("select applicant_name, applicant_id_number, applicant_phone, applicant_email,"
					+ " applicant_address from dossier where unit_code = ? and applicant_id_number = ?"
					+ " order by received_at desc fetch first 1 rows only")
			.params(unitCode, idNumber)
			.query((rs, n) -> new Applicant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString("code"), rs.getString("unit_code"), rs.getString("procedure_code"),
				rs.getString("procedure_name"), rs.getString("applicant_name"), Dossiers.status(rs.getString("status")),
				instant(rs, "received_at"), instant(rs, "due_at"), instant(rs, "overdue_from"),
				Dossiers.enumOf(Timeliness.class, rs.getString("timeliness")), instant(rs, "returned_at"),
				rs.getString("current_assignee"));
	}

}
