package vn.motcua.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.document.FileStore;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.org.Actor;
import vn.motcua.org.Unit;
import vn.motcua.reporting.internal.Workbook;
import vn.motcua.reporting.internal.Workbook.Rate;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

import static vn.motcua.shared.Sql.instant;
import static vn.motcua.shared.Sql.utc;

/**
 * XLSX exports of the KPI tables and of the dossier lists behind their numbers (ADR 31),
 * with Vietnamese headings, dates as Excel dates, numbers as numbers and rates as
 * percentages. A dossier list longer than {@code motcua.reports.export.direct-limit}
 * lines (2,000) is written by a background job on this instance's one export thread,
 * whose progress is kept in {@code report_export_job} and whose file goes to the shared
 * {@link FileStore}, so that any instance serves it. The same readers as the reports.
 */
@Service
public class KpiExports {

	/** The breakdowns of a KPI export, one sheet each after the totals. */
	static final List<KpiBreakdown> SHEETS = List.of(KpiBreakdown.MONTH, KpiBreakdown.FIELD, KpiBreakdown.CHANNEL,
			KpiBreakdown.UNIT, KpiBreakdown.PROCEDURE);

	/** The media type of an XLSX file. */
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final Logger log = LoggerFactory.getLogger(KpiExports.class);

	private static final int PROGRESS_EVERY = 500;

	private final Kpis kpis;

	private final KpiDossiers dossiers;

	private final FileStore files;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long directLimit;

	/**
	 * Progress is written in a transaction of its own: the list is read in one read-only
	 * transaction, and other instances must see how far the job got while it runs.
	 */
	private final TransactionTemplate progress;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "report-export");
		t.setDaemon(true);
		return t;
	});

	KpiExports(Kpis kpis, KpiDossiers dossiers, FileStore files, JdbcClient jdbc, Clock clock,
			PlatformTransactionManager transactions,
			@Value("${motcua.reports.export.direct-limit:2000}") long directLimit) {
		this.progress = new TransactionTemplate(transactions);
		this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.kpis = kpis;
		this.dossiers = dossiers;
		this.files = files;
		this.jdbc = jdbc;
		this.clock = clock;
		this.directLimit = directLimit;
	}

	@PreDestroy
	void stop() {
		this.worker.shutdownNow();
	}

	/** The longest dossier list exported at once; a longer one is a job. */
	public long directLimit() {
		return this.directLimit;
	}

	/**
	 * The unit's KPIs for the period as an XLSX file: the totals, then a sheet for each
	 * breakdown (by month, field, channel, unit when with the units below, procedure).
	 */
	public void report(Actor actor, String unitCode, LocalDate from, LocalDate to, boolean subtree, OutputStream out) {
		KpiReport total = this.kpis.report(actor, unitCode, from, to, subtree, null);
		try (Workbook book = new Workbook()) {
			book.sheet("Tổng hợp", 42, 16)
				.title("Kết quả giải quyết hồ sơ — " + total.unitName() + (subtree ? " và các đơn vị trực thuộc" : ""))
				.labelled("Từ ngày", from)
				.labelled("Đến ngày", to)
				.labelled("Số thủ tục", String.valueOf(total.procedures()))
				.blank()
				.headings("Chỉ tiêu", "Số liệu");
			KpiFigures f = total.figures();
			for (KpiMeasure m : KpiMeasure.values()) {
				book.line(m.label(), m.of(f));
			}
			book.line("Tỉ lệ đúng hạn (gồm trước hạn)", Rate.of(f.onTimeRate()));
			book.line("Tỉ lệ quá hạn", Rate.of(f.lateRate()));
			book.line("Tỉ lệ tiếp nhận trực tuyến", Rate.of(f.onlineShare()));
			book.line("Lượt đánh giá", f.ratings());
			book.line("Hài lòng", f.satisfied());
			book.line("Tỉ lệ hài lòng", Rate.of(f.satisfaction()));
			for (KpiBreakdown by : SHEETS) {
				if (by == KpiBreakdown.UNIT && !subtree) {
					continue;
				}
				KpiReport report = this.kpis.report(actor, unitCode, from, to, subtree, by);
				breakdown(book, report);
			}
			book.write(out);
		}
	}

	/** The headings of a breakdown's columns after its key and name. */
	static final String[] FIGURE_HEADINGS = { "Tiếp nhận", "Trực tiếp", "Bưu chính", "Trực tuyến",
			"Kỳ trước chuyển sang", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn", "Tỉ lệ đúng hạn",
			"Tỉ lệ quá hạn", "Đang giải quyết", "Trong hạn", "Đang quá hạn", "Yêu cầu bổ sung", "Từ chối", "Dừng xử lý",
			"Rút hồ sơ", "Xin lỗi, hẹn lại", "Tỉ lệ trực tuyến", "Lượt đánh giá", "Hài lòng", "Tỉ lệ hài lòng" };

	private static void breakdown(Workbook book, KpiReport report) {
		String[] names = switch (report.by()) {
			case MONTH -> new String[] { "Theo tháng", "Tháng", "Tên" };
			case FIELD -> new String[] { "Theo lĩnh vực", "Lĩnh vực", "Tên" };
			case CHANNEL -> new String[] { "Theo kênh", "Kênh", "Tên" };
			case UNIT -> new String[] { "Theo đơn vị", "Mã đơn vị", "Tên đơn vị" };
			case PROCEDURE -> new String[] { "Theo thủ tục", "Mã thủ tục", "Tên thủ tục" };
		};
		int[] widths = new int[2 + FIGURE_HEADINGS.length];
		java.util.Arrays.fill(widths, 12);
		widths[0] = 14;
		widths[1] = 40;
		String[] headings = new String[2 + FIGURE_HEADINGS.length];
		headings[0] = names[1];
		headings[1] = names[2];
		System.arraycopy(FIGURE_HEADINGS, 0, headings, 2, FIGURE_HEADINGS.length);
		book.sheet(names[0], widths).headings(headings);
		for (KpiReport.Row row : report.rows()) {
			book.line(figures(row.key(), row.label(), row.figures()));
		}
		book.line(figures("", "Tổng cộng", report.figures()));
	}

	private static Object[] figures(String key, String label, KpiFigures f) {
		return new Object[] { key, label, f.received(), f.receivedAtCounter(), f.receivedByPost(), f.receivedOnline(),
				f.carriedOver(), f.resolved(), f.resolvedEarly(), f.resolvedOnTime(), f.resolvedLate(),
				Rate.of(f.onTimeRate()), Rate.of(f.lateRate()), f.inProgress(), f.inProgressInTime(), f.overdue(),
				f.supplementRequests(), f.refused(), f.stopped(), f.withdrawn(), f.apologies(),
				Rate.of(f.onlineShare()), f.ratings(), f.satisfied(), Rate.of(f.satisfaction()) };
	}

	/**
	 * The dossiers behind a number as an XLSX file, at once.
	 * @throws Problem conflict when the list is longer than the direct limit (ask for a
	 * job)
	 */
	public void dossiers(Actor actor, KpiSelection selection, OutputStream out) {
		long count = this.dossiers.count(actor, selection);
		if (count > this.directLimit) {
			throw new Problem(Problem.Kind.CONFLICT, ProblemCode.EXPORT_TOO_LONG,
					count + " dossiers are more than " + this.directLimit
							+ " exported at once: ask for an export job (POST)",
					List.of(Problem.Violation.of("measure", "too many dossiers to export at once")));
		}
		writeDossiers(actor, selection, out, n -> {
		});
	}

	private void writeDossiers(Actor actor, KpiSelection s, OutputStream out, LongConsumer progress) {
		Unit unit = this.kpis.readable(actor, s.unit());
		try (Workbook book = new Workbook()) {
			book.sheet("Hồ sơ", 6, 26, 12, 12, 50, 14, 18, 17, 17, 17, 12, 10, 10)
				.title("Danh sách hồ sơ: " + s.measure().label() + " — " + unit.name()
						+ (s.subtree() ? " và các đơn vị trực thuộc" : ""))
				.labelled("Từ ngày", s.from())
				.labelled("Đến ngày", s.to());
			if (s.by() != null) {
				book.labelled("Dòng", s.key());
			}
			book.blank()
				.headings("STT", "Mã hồ sơ", "Đơn vị", "Mã thủ tục", "Tên thủ tục", "Kênh", "Trạng thái",
						"Ngày tiếp nhận", "Hạn trả kết quả", "Ngày giải quyết", "Kết quả", "Số lần bổ sung",
						"Số lần hẹn lại");
			long[] n = { 0 };
			this.dossiers.each(actor, s, d -> {
				n[0]++;
				book.line(n[0], d.code(), d.unitCode(), d.procedureCode(), d.procedureName(), channel(d.channel()),
						status(d.status()), d.receivedAt(), d.dueAt(), d.resolvedAt(), timeliness(d.timeliness()),
						d.supplementRequests(), d.apologies());
				progress.accept(n[0]);
			});
			book.write(out);
		}
	}

	/**
	 * Starts a background export of the dossiers behind a number, after checking the
	 * selection as the list does.
	 */
	public ExportJob start(Actor actor, KpiSelection s) {
		long total = this.dossiers.count(actor, s);
		String id = UUID.randomUUID().toString();
		this.jdbc.sql("insert into report_export_job (id, unit_code, requested_by, measure, from_day, to_day, subtree,"
				+ " by_name, row_key, status, total, done, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)")
			.params(id, s.unit(), actor.username(), s.measure().name(), s.from(), s.to(), s.subtree(),
					s.by() == null ? null : s.by().name(), s.by() == null ? null : s.key(),
					ExportJob.Status.QUEUED.name(), total, utc(this.clock.instant()))
			.update();
		this.worker.execute(() -> run(id, actor, s));
		return find(id);
	}

	/** A job, for the one who asked for it. */
	public ExportJob job(Actor actor, String id) {
		ExportJob job = findOptional(id).orElseThrow(() -> notFound(id));
		if (actor == null || !job.requestedBy().equals(actor.username())) {
			// another's export is not even said to exist
			throw notFound(id);
		}
		this.kpis.readable(actor, job.selection().unit());
		return job;
	}

	/** The file of a finished job, to be read once and closed. */
	public InputStream file(Actor actor, String id) {
		ExportJob job = job(actor, id);
		if (job.status() != ExportJob.Status.DONE) {
			throw new Problem(Problem.Kind.CONFLICT, ProblemCode.EXPORT_NOT_READY,
					"the export is " + job.status().name().toLowerCase() + ", " + job.percent() + "% done", List.of());
		}
		String key = this.jdbc.sql("select file_key from report_export_job where id = ?")
			.param(id)
			.query(String.class)
			.single();
		return this.files.open(key).orElseThrow(() -> notFound(id));
	}

	private void run(String id, Actor actor, KpiSelection s) {
		this.jdbc.sql("update report_export_job set status = ? where id = ?")
			.params(ExportJob.Status.RUNNING.name(), id)
			.update();
		Path temp = null;
		try {
			temp = Files.createTempFile("motcua-export-", ".xlsx");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
				writeDossiers(actor, s, out, n -> {
					if (n % PROGRESS_EVERY == 0) {
						this.progress.executeWithoutResult(
								status -> this.jdbc.sql("update report_export_job set done = ? where id = ?")
									.params(n, id)
									.update());
					}
				});
			}
			String key = HexFormat.of().formatHex(sha.digest());
			long size = Files.size(temp);
			this.files.put(key, temp);
			this.jdbc
				.sql("update report_export_job set status = ?, done = total, file_key = ?, filename = ?,"
						+ " size_bytes = ?, finished_at = ? where id = ?")
				.params(ExportJob.Status.DONE.name(), key, filename(s), size, utc(this.clock.instant()), id)
				.update();
		}
		catch (IOException | NoSuchAlgorithmException | RuntimeException ex) {
			log.warn("Export {} failed", id, ex);
			String message = String.valueOf(ex.getMessage());
			this.jdbc.sql("update report_export_job set status = ?, error = ?, finished_at = ? where id = ?")
				.params(ExportJob.Status.FAILED.name(), message.length() > 500 ? message.substring(0, 500) : message,
						utc(this.clock.instant()), id)
				.update();
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					log.debug("Could not delete {}", temp, ex);
				}
			}
		}
	}

	/**
	 * The name of a dossier list's file:
	 * {@code ho-so-H56.15.40-resolvedLate-2026-01-01-2026-12-31.xlsx}.
	 */
	public static String filename(KpiSelection s) {
		return "ho-so-" + s.unit() + "-" + s.measure().key() + "-" + s.from() + "-" + s.to() + ".xlsx";
	}

	/** The name of a KPI export's file. */
	public static String filename(String unit, LocalDate from, LocalDate to) {
		return "chi-tieu-" + unit + "-" + from + "-" + to + ".xlsx";
	}

	private ExportJob find(String id) {
		return findOptional(id).orElseThrow(() -> notFound(id));
	}

	private java.util.Optional<ExportJob> findOptional(String id) {
		if (id == null || id.length() != 36) {
			return java.util.Optional.empty();
		}
		return this.jdbc
			.sql("select id, unit_code, requested_by, measure, from_day, to_day, subtree, by_name, row_key,"
					+ " status, total, done, filename, size_bytes, error, created_at, finished_at"
					+ " from report_export_job where id = ?")
			.param(id)
			.query(KpiExports::job)
			.optional();
	}

	private static ExportJob job(ResultSet rs, int n) throws SQLException {
		String by = rs.getString(8);
		KpiSelection s = new KpiSelection(rs.getString(2), rs.getObject(5, LocalDate.class),
				rs.getObject(6, LocalDate.class), rs.getBoolean(7), KpiMeasure.valueOf(rs.getString(4)),
				by == null ? null : KpiBreakdown.valueOf(by), rs.getString(9));
		long size = rs.getLong(14);
		return new ExportJob(rs.getString(1), s, rs.getString(3), ExportJob.Status.valueOf(rs.getString(10)),
				rs.getLong(11), rs.getLong(12), rs.getString(13), rs.wasNull() ? null : size, rs.getString(15),
				instant(rs, 16), instant(rs, 17));
	}

	private static Problem notFound(String id) {
		return Problem.notFound(ProblemCode.EXPORT_NOT_FOUND, "id", "no export " + id + " of yours");
	}

	static String channel(Channel c) {
		return switch (c) {
			case COUNTER -> "Trực tiếp";
			case POST -> "Bưu chính";
			case ONLINE -> "Trực tuyến";
		};
	}

	static String timeliness(Timeliness t) {
		return t == null ? null : switch (t) {
			case EARLY -> "Trước hạn";
			case ON_TIME -> "Đúng hạn";
			case LATE -> "Quá hạn";
		};
	}

	static String status(DossierStatus s) {
		return switch (s) {
			case AWAITING_INTAKE -> "Chờ kiểm tra";
			case AWAITING_ADDITIONS -> "Chờ bổ sung thành phần";
			case RECEIVED -> "Đã tiếp nhận";
			case AWAITING_PAYMENT -> "Chờ nộp phí";
			case IN_PROCESSING -> "Đang xử lý";
			case WAITING_FOR_SUPPLEMENT -> "Chờ bổ sung";
			case AWAITING_APPROVAL -> "Chờ phê duyệt";
			case APPROVED -> "Đã phê duyệt";
			case RESULT_READY -> "Có kết quả, chờ trả";
			case RETURNED -> "Đã trả kết quả";
			case REFUSED -> "Từ chối";
			case STOPPED -> "Dừng xử lý";
			case WITHDRAWN -> "Đã rút";
			case REFUSED_AT_INTAKE -> "Từ chối tiếp nhận";
		};
	}

}
