package vn.motcua.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.document.FileStore;
import vn.motcua.dossier.DossierHistory;
import vn.motcua.history.internal.ImportJobs;
import vn.motcua.org.Actor;
import vn.motcua.org.Unit;
import vn.motcua.org.Units;
import vn.motcua.shared.Page;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * Imports of dossier history into a unit, for its administrators (ADR 29): the file is
 * copied, as it streams in, to the shared file store under its SHA-256, and a job is
 * queued that an instance runs in the background ({@code ImportRunner}); its progress and
 * report are read here. Dossiers of a file with wrong ones are kept: the wrong ones are
 * reported with their line and field, and importing the corrected file again imports them
 * and leaves the others as they are.
 */
@Service
public class HistoryImports {

	/** The largest history file taken. */
	public static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;

	/** The name of a source: letters, digits, dot, dash, underscore. */
	private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,40}");

	private final ImportJobs jobs;

	private final FileStore files;

	private final Units units;

	private final DossierHistory history;

	private final Clock clock;

	HistoryImports(ImportJobs jobs, FileStore files, Units units, DossierHistory history, Clock clock) {
		this.jobs = jobs;
		this.files = files;
		this.units = units;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * Queues the import of a history file into the unit, by its administrator.
	 * @param source the previous system's name (e.g. {@code igate-samson}): a dossier's
	 * ID is unique within it
	 * @throws Problem forbidden for anyone else; invalid for a bad source, format or file
	 * name, an empty file or one over {@link #MAX_BYTES}
	 */
	public ImportJob start(Actor by, String unitCode, String source, HistoryFormat format, String fileName,
			InputStream content) {
		Unit unit = this.units.get("unit", unitCode);
		if (by == null || !by.administers(unit.code())) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"History imports into unit " + unit.code() + " are for its administrators",
					List.of(Problem.Violation.of("unit", "not your unit or role")));
		}
		return queue(unit, source, format, fileName, content, by.username());
	}

	/** Queues an import as the system itself (the demo ward's history). */
	public ImportJob startAsSystem(String unitCode, String source, HistoryFormat format, String fileName,
			InputStream content) {
		return queue(this.units.get("unit", unitCode), source, format, fileName, content, "system");
	}

	private ImportJob queue(Unit unit, String source, HistoryFormat format, String fileName, InputStream content,
			String by) {
		if (source == null || !SOURCE.matcher(source).matches()) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "source",
					"the previous system's name: 1 to 40 letters, digits, '.', '-' or '_'");
		}
		if (format == null) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "format", "jsonl or csv");
		}
		String name = fileName == null || fileName.isBlank() ? "history." + format.name().toLowerCase()
				: fileName.strip();
		if (name.length() > 200 || name.chars().anyMatch(c -> c < 0x20)) {
			name = "history." + format.name().toLowerCase();
		}
		Path temp = null;
		try {
			temp = Files.createTempFile("motcua-history-", "." + format.name().toLowerCase());
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long length;
			try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(temp)) {
				length = copy(in, out);
			}
			if (length == 0) {
				throw Problem.invalid(ProblemCode.INVALID_REQUEST, "file", "the file is empty");
			}
			String key = HexFormat.of().formatHex(sha.digest());
			if (!this.files.exists(key)) {
				this.files.put(key, temp);
			}
			long id = this.jobs.create(unit.code(), source, format, key, name, length, by, this.clock.instant());
			return this.jobs.find(id).orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					// a temporary file left behind is removed with the others
				}
			}
		}
	}

	private static long copy(InputStream in, OutputStream out) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) > 0) {
			total += n;
			if (total > MAX_BYTES) {
				throw Problem.invalid(ProblemCode.INVALID_REQUEST, "file",
						"the file is larger than " + MAX_BYTES + " bytes");
			}
			out.write(buffer, 0, n);
		}
		return total;
	}

	/** The job, for the administrators of its unit. */
	@Transactional(readOnly = true)
	public ImportJob job(Actor by, long id) {
		ImportJob job = this.jobs.find(id).orElseThrow(() -> notFound(id));
		if (by == null || !by.administers(job.unitCode())) {
			throw notFound(id);
		}
		return job;
	}

	/** The unit's latest jobs, newest first. */
	@Transactional(readOnly = true)
	public List<ImportJob> jobs(Actor by, String unitCode) {
		Unit unit = this.units.get("unit", unitCode);
		if (by == null || !by.administers(unit.code())) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"History imports into unit " + unit.code() + " are for its administrators",
					List.of(Problem.Violation.of("unit", "not your unit or role")));
		}
		return this.jobs.ofUnit(unit.code(), 50);
	}

	/**
	 * A page of the job's report: the lines with errors, the dossiers judged otherwise
	 * than the source did, the events not replayed; only those of {@code kind} (ERROR,
	 * DIFFERS, NOTE) when given.
	 */
	@Transactional(readOnly = true)
	public Page<ImportNote> notes(Actor by, long id, String kind, int page, int size) {
		job(by, id);
		if (kind != null && !List.of("ERROR", "DIFFERS", "NOTE").contains(kind)) {
			throw Problem.invalid(ProblemCode.INVALID_PARAMETER, "kind", "ERROR, DIFFERS or NOTE");
		}
		if (page < 0 || size < 1 || size > 500) {
			throw Problem.invalid(ProblemCode.PAGE_INVALID, "size", "page from 0, size from 1 to 500");
		}
		return new Page<>(this.jobs.notes(id, kind, page, size), page, size, this.jobs.countNotes(id, kind));
	}

	/** What the unit's imported dossiers say of digitization, signatures and payments. */
	@Transactional(readOnly = true)
	public DossierHistory.ImportedFigures figures(String unitCode) {
		return this.history.importedFigures(unitCode);
	}

	private static Problem notFound(long id) {
		return Problem.notFound(ProblemCode.IMPORT_NOT_FOUND, "id", "No history import " + id);
	}

}
