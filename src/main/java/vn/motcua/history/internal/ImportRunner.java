package vn.motcua.history.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.motcua.document.FileStore;
import vn.motcua.dossier.DossierHistory;
import vn.motcua.dossier.ImportOutcome;
import vn.motcua.history.ImportJob;
import vn.motcua.shared.Problem;
import vn.motcua.shared.Problem.Violation;

/**
 * Runs the import jobs, one at a time on each instance (ADR 29): claims the oldest job
 * waiting (or one whose instance stopped: its claim lapsed), reads its file from the
 * shared store as a stream and replays each dossier, each in its own transaction, so a
 * wrong dossier is reported and the others are kept. Every few hundred dossiers it
 * records how far it got and renews its claim; after a crash, whoever claims the job next
 * starts again after the last line recorded: the dossiers imported since are found by
 * their source ID and not imported twice.
 */
@Component
public class ImportRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	/**
	 * Progress is recorded after so many dossiers, or this often, whichever comes first.
	 */
	static final int EVERY = 200;

	static final Duration EVERY_TIME = Duration.ofSeconds(1);

	/** How many failed runs a job gets before it is FAILED. */
	static final int MAX_ATTEMPTS = 5;

	private final ImportJobs jobs;

	private final DossierHistory history;

	private final FileStore files;

	private final Duration claim;

	private final String me = "import-" + UUID.randomUUID();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "history-import");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean busy = new AtomicBoolean();

	private final org.springframework.transaction.support.TransactionTemplate transaction;

	ImportRunner(ImportJobs jobs, DossierHistory history, FileStore files,
			org.springframework.transaction.support.TransactionTemplate transaction,
			@Value("${motcua.history.claim:PT1M}") Duration claim) {
		this.transaction = transaction;
		this.jobs = jobs;
		this.history = history;
		this.files = files;
		this.claim = claim;
	}

	/** Looks for a job to run, when this instance runs none. */
	@Scheduled(fixedDelayString = "${motcua.history.poll:PT2S}", initialDelayString = "${motcua.history.poll:PT2S}")
	public void poll() {
		if (!this.busy.compareAndSet(false, true)) {
			return;
		}
		try {
			Instant now = Instant.now();
			Optional<Long> id = this.jobs.claim(this.me, now, now.plus(this.claim));
			if (id.isEmpty()) {
				this.busy.set(false);
				return;
			}
			this.worker.submit(() -> {
				try {
					run(id.get());
				}
				finally {
					this.busy.set(false);
				}
			});
		}
		catch (RuntimeException ex) {
			this.busy.set(false);
			throw ex;
		}
	}

	/** Runs the job this instance claimed, in the calling thread. */
	void run(long id) {
		ImportJob job = this.jobs.find(id).orElseThrow();
		Counts c = new Counts(job);
		Optional<InputStream> content = this.files.open(this.jobs.fileKey(id));
		if (content.isEmpty()) {
			this.jobs.finish(id, this.me, "FAILED", c.lines, c.bytes, 0, 0, 0, 0,
					"the file is no longer in the file store", Instant.now());
			return;
		}
		log.info("History import {} into {} from {}: resuming after line {}", id, job.unitCode(), job.source(),
				job.linesDone());
		try (InputStream in = content.get(); HistoryReader reader = HistoryReader.of(job.format(), in, job.source())) {
			long mark = System.nanoTime();
			int since = 0;
			HistoryReader.Item item;
			while ((item = reader.next()) != null) {
				if (item.line() <= job.linesDone()) {
					// done before a crash: skipped, the claim kept meanwhile
					if (System.nanoTime() - mark > EVERY_TIME.toNanos()) {
						if (!this.jobs.renew(id, this.me, Instant.now().plus(this.claim))) {
							return;
						}
						mark = System.nanoTime();
					}
					continue;
				}
				one(job, item, c);
				c.lines = item.line();
				c.bytes = item.bytes();
				if (++since >= EVERY || System.nanoTime() - mark > EVERY_TIME.toNanos()) {
					if (!this.jobs.progress(id, this.me, c.lines, c.bytes, c.imported, c.skipped, c.failed, c.differing,
							Instant.now().plus(this.claim))) {
						log.warn("History import {}: another instance took it over", id);
						return;
					}
					since = 0;
					mark = System.nanoTime();
				}
			}
			long[] notes = this.jobs.counts(id);
			long imported = this.history.countImported(id);
			// every good dossier of the file was read once: those this job did not import
			// were
			// imported before it (or by it, before a crash: counted again as imported
			// here)
			this.jobs.finish(id, this.me, "DONE", c.lines, job.bytes(), imported,
					Math.max(0, c.imported + c.skipped - imported), notes[0], notes[1], null, Instant.now());
			log.info("History import {} done: {} imported, {} with errors", id, imported, notes[0]);
		}
		catch (IOException | RuntimeException | OutOfMemoryError ex) {
			// the store or the database failed: try again later, from the last line
			// recorded;
			// a failure that comes back every time ends the job
			log.error("History import {} stopped at line {}; it is tried again later", id, c.lines, ex);
			this.jobs.release(id, this.me, Instant.now().plusSeconds(10), MAX_ATTEMPTS,
					"dừng ở dòng " + c.lines + " vì lỗi hệ thống; thử lại sau (tối đa " + MAX_ATTEMPTS + " lần)");
		}
	}

	/** Imports one dossier of the file, or reports what is wrong with it. */
	private void one(ImportJob job, HistoryReader.Item item, Counts c) {
		List<Violation> errors = item.errors();
		if (!errors.isEmpty() && item.dossier() != null) {
			// what the reader found, and what else is wrong with what it could read
			List<Violation> all = new java.util.ArrayList<>(errors);
			for (Violation v : this.history.check(item.dossier())) {
				if (all.stream().noneMatch(e -> e.field().equals(v.field()))) {
					all.add(v);
				}
			}
			errors = all;
		}
		if (errors.isEmpty()) {
			try {
				// the dossier and its report rows in one transaction: a crash loses both
				// or neither
				ImportOutcome outcome = this.transaction.execute(status -> {
					ImportOutcome o = this.history.replay(item.dossier(), job.unitCode(), job.id(), item.line());
					List<String> notes = o.notes();
					for (int seq = 0; seq < notes.size(); seq++) {
						// the first note of a dossier judged otherwise says why
						String kind = seq == 0 && o.differs() ? "DIFFERS" : "NOTE";
						this.jobs.note(job.id(), item.line(), seq, item.sourceId(), kind, null, notes.get(seq));
					}
					return o;
				});
				if (!outcome.imported()) {
					c.skipped++;
				}
				else {
					c.imported++;
					if (outcome.differs()) {
						c.differing++;
					}
				}
				return;
			}
			catch (Problem p) {
				errors = p.violations().isEmpty() ? List.of(Violation.of("line", p.getMessage())) : p.violations();
			}
			catch (DuplicateKeyException ex) {
				// imported at the same moment by another job of the same file
				if (this.history.importedAs(job.source(), item.sourceId()).isPresent()) {
					c.skipped++;
					return;
				}
				throw ex;
			}
			catch (DataIntegrityViolationException ex) {
				// a value the database refuses (a time out of its range): this dossier
				// only
				log.warn("History import {}: line {} refused by the database", job.id(), item.line(), ex);
				errors = List.of(Violation.of("line", "cơ sở dữ liệu không nhận giá trị của hồ sơ này"));
			}
			catch (DataAccessException | org.springframework.transaction.TransactionException ex) {
				// the database failed: the job stops here and is tried again
				throw ex;
			}
			catch (RuntimeException ex) {
				if (ex.getCause() instanceof java.sql.SQLException) {
					throw ex;
				}
				// a dossier no rule foresaw: reported, and the next one goes on
				log.error("History import {}: line {} could not be replayed", job.id(), item.line(), ex);
				errors = List.of(Violation.of("line", "không nhập được hồ sơ này (lỗi hệ thống, đã ghi nhật ký)"));
			}
		}
		c.failed++;
		int seq = 0;
		for (Violation v : errors) {
			this.jobs.note(job.id(), item.line(), seq++, item.sourceId(), "ERROR", v.field(), v.reason());
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	/** The job's counts as it goes. */
	private static final class Counts {

		long lines;

		long bytes;

		long imported;

		long skipped;

		long failed;

		long differing;

		Counts(ImportJob job) {
			this.lines = job.linesDone();
			this.bytes = job.bytesDone();
			this.imported = job.imported();
			this.skipped = job.skipped();
			this.failed = job.failed();
			this.differing = job.differing();
		}

	}

}
