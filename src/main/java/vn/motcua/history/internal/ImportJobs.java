package vn.motcua.history.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.motcua.history.HistoryFormat;
import vn.motcua.history.ImportJob;
import vn.motcua.history.ImportNote;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/** The import jobs and their reports, in {@code history_import_job} and {@code _note}. */
@Repository
public class ImportJobs {

	private static final String COLUMNS = "id, unit_code, source, format, file_name, bytes, status, lines_done,"
			+ " bytes_done, imported, skipped, failed, differing, created_by, created_at, started_at, finished_at,"
			+ " message";

	private final JdbcClient jdbc;

	ImportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long create(String unitCode, String source, HistoryFormat format, String fileKey, String fileName,
			long bytes, String by, Instant at) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into history_import_job (unit_code, source, format, file_key, file_name, bytes, status,"
					+ " created_by, created_at) values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)")
			.params(unitCode, source, format.name(), fileKey, fileName, bytes, by, utc(at))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	public Optional<ImportJob> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from history_import_job where id = ?")
			.param(id)
			.query(ImportJobs::job)
			.optional();
	}

	public List<ImportJob> ofUnit(String unitCode, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from history_import_job where unit_code = ? order by id desc fetch first "
					+ limit + " rows only")
			.param(unitCode)
			.query(ImportJobs::job)
			.list();
	}

	public String fileKey(long id) {
		return this.jdbc.sql("select file_key from history_import_job where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	/**
	 * Claims the oldest job to run (queued, or running with a lapsed claim: its instance
	 * stopped) for {@code claimer} until {@code until}; empty when there is none, or
	 * another instance claimed it first.
	 */
	public Optional<Long> claim(String claimer, Instant now, Instant until) {
		Optional<Long> id = this.jdbc
			.sql("select id from history_import_job where status in ('QUEUED', 'RUNNING')"
					+ " and (claimed_until is null or claimed_until < ?) order by id fetch first 1 rows only")
			.param(utc(now))
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return id;
		}
		int claimed = this.jdbc
			.sql("update history_import_job set status = 'RUNNING', claimed_by = ?, claimed_until = ?,"
					+ " started_at = coalesce(started_at, ?) where id = ? and status in ('QUEUED', 'RUNNING')"
					+ " and (claimed_until is null or claimed_until < ?)")
			.params(claimer, utc(until), utc(now), id.get(), utc(now))
			.update();
		return claimed == 1 ? id : Optional.empty();
	}

	/**
	 * Records how far the job got and keeps its claim; false when the claim was lost (it
	 * lapsed and another instance took the job over): then stop.
	 */
	public boolean progress(long id, String claimer, long lines, long bytes, long imported, long skipped, long failed,
			long differing, Instant until) {
		return this.jdbc
			.sql("update history_import_job set lines_done = ?, bytes_done = ?, imported = ?, skipped = ?,"
					+ " failed = ?, differing = ?, claimed_until = ? where id = ? and claimed_by = ?")
			.params(lines, bytes, imported, skipped, failed, differing, utc(until), id, claimer)
			.update() == 1;
	}

	public void finish(long id, String claimer, String status, long lines, long bytes, long imported, long skipped,
			long failed, long differing, String message, Instant at) {
		this.jdbc
			.sql("update history_import_job set status = ?, lines_done = ?, bytes_done = ?, imported = ?,"
					+ " skipped = ?, failed = ?, differing = ?, message = ?, finished_at = ?, claimed_by = null,"
					+ " claimed_until = null where id = ? and claimed_by = ?")
			.params(status, lines, bytes, imported, skipped, failed, differing,
					message == null ? null : message.substring(0, Math.min(2000, message.length())), utc(at), id,
					claimer)
			.update();
	}

	/**
	 * Lets the job go after a failure, to be claimed again after {@code until}; after
	 * {@code maxAttempts} failures it is FAILED with the message.
	 */
	public void release(long id, String claimer, Instant until, int maxAttempts, String message) {
		this.jdbc
			.sql("update history_import_job set attempts = attempts + 1, claimed_until = ?, message = ?,"
					+ " status = case when attempts + 1 >= ? then 'FAILED' else status end,"
					+ " finished_at = case when attempts + 1 >= ? then ? else finished_at end"
					+ " where id = ? and claimed_by = ?")
			.params(utc(until), message == null ? null : message.substring(0, Math.min(2000, message.length())),
					maxAttempts, maxAttempts, utc(until), id, claimer)
			.update();
	}

	/** Renews the claim alone, while the job skips the lines it did before. */
	public boolean renew(long id, String claimer, Instant until) {
		return this.jdbc.sql("update history_import_job set claimed_until = ? where id = ? and claimed_by = ?")
			.params(utc(until), id, claimer)
			.update() == 1;
	}

	/**
	 * Writes a line's report row once: a line read again after a crash writes nothing
	 * new.
	 */
	public void note(long jobId, long line, int seq, String sourceId, String kind, String field, String message) {
		this.jdbc
			.sql("insert into history_import_note (job_id, line, seq, source_id, kind, field, message)"
					+ " select ?, ?, ?, ?, ?, ?, ? from (values (1)) one (x) where not exists"
					+ " (select 1 from history_import_note where job_id = ? and line = ? and seq = ?)")
			.params(jobId, line, seq, cut(sourceId, 100), kind, cut(field, 100), cut(message, 1000), jobId, line, seq)
			.update();
	}

	/**
	 * The lines with errors, and the dossiers whose verdict differs, in the job's report.
	 */
	public long[] counts(long jobId) {
		return this.jdbc.sql("select count(distinct case when kind = 'ERROR' then line end),"
				+ " count(distinct case when kind = 'DIFFERS' then line end) from history_import_note where job_id = ?")
			.param(jobId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	public List<ImportNote> notes(long jobId, String kind, int page, int size) {
		return this.jdbc
			.sql("select line, source_id, kind, field, message from history_import_note where job_id = ?"
					+ (kind == null ? "" : " and kind = ?") + " order by line, seq offset " + (long) page * size
					+ " rows fetch next " + size + " rows only")
			.params(kind == null ? List.of(jobId) : List.of(jobId, kind))
			.query((rs, n) -> new ImportNote(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	public long countNotes(long jobId, String kind) {
		return this.jdbc
			.sql("select count(*) from history_import_note where job_id = ?" + (kind == null ? "" : " and kind = ?"))
			.params(kind == null ? List.of(jobId) : List.of(jobId, kind))
			.query(Long.class)
			.single();
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	private static ImportJob job(ResultSet rs, int row) throws SQLException {
		return new ImportJob(rs.getLong(1), rs.getString(2), rs.getString(3), HistoryFormat.valueOf(rs.getString(4)),
				rs.getString(5), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
				rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getString(14), instant(rs, 15), instant(rs, 16),
				instant(rs, 17), rs.getString(18));
	}

}
