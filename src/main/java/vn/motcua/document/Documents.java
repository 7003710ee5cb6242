package vn.motcua.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.motcua.dossier.DossierFiles;
import vn.motcua.dossier.Scan;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

import static vn.motcua.shared.Sql.utc;

/**
 * Keeps the files of dossiers in the {@link FileStore} (a directory, by default
 * {@code ./data/files}, or an S3-compatible bucket: ADR 23), each once by its SHA-256,
 * and their records with their digitization record (ADR 32): new content, or a reuse of
 * an earlier record of the applicant's data store, which copies no content. The content
 * comes from the temporary files {@link Uploads} received and checked; nothing is held
 * whole in memory. Callers check who may see a dossier before handing out its files. A
 * file written by a transaction that then rolls back is removed again, unless a record of
 * another dossier holds the same content.
 */
@Service
public class Documents implements DossierFiles {

	static final String COLUMNS = "id, dossier_code, component, filename, content_type, size_bytes, sha256,"
			+ " stored_at, stored_by, kind, origin, reused_from, owner_id";

	private static final Pattern PERSONAL_ID = Pattern.compile("[0-9]{12}");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final FileStore store;

	private final Uploads uploads;

	Documents(JdbcClient jdbc, Clock clock, FileStore store, Uploads uploads) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.store = store;
		this.uploads = uploads;
	}

	/** The owner of a data store: a 12-digit personal ID number, else none. */
	static String owner(String idNumber) {
		return idNumber != null && PERSONAL_ID.matcher(idNumber).matches() ? idNumber : null;
	}

	@Override
	public void check(Scan scan, String vouchedIdNumber) {
		if (scan.isReuse()) {
			earlier(scan.field(), scan.reuseOf(), owner(vouchedIdNumber));
			return;
		}
		if (scan.file() == null || scan.sha256() == null || !Files.isRegularFile(scan.file())) {
			throw Problem.invalid(ProblemCode.FILE_REQUIRED, scan.field(), "no file was received");
		}
	}

	@Override
	@Transactional
	public void keep(String key, String vouchedIdNumber, List<Scan> scans, String by) {
		String owner = owner(vouchedIdNumber);
		scans.forEach(scan -> store(key, scan.component(), scan, owner, StoredFile.COMPONENT, by));
	}

	/**
	 * Keeps a scan (received by {@link Uploads}, or a reuse) for a component (or the
	 * result) of a dossier, in the data store of {@code owner} (null: none).
	 */
	@Transactional
	public StoredFile store(String dossierCode, String component, Scan scan, String owner, String kind, String by) {
		if (scan.isReuse()) {
			StoredFile from = earlier(scan.field(), scan.reuseOf(), owner);
			String origin = StoredFile.RESULT.equals(from.kind()) ? StoredFile.FROM_STORE : StoredFile.REUSED;
			return insert(dossierCode, component, from.filename(), from.contentType(), from.sizeBytes(), from.sha256(),
					by, kind, origin, from.id(), owner);
		}
		String sha256 = scan.sha256();
		put(sha256, scan.file());
		return insert(dossierCode, component, name(scan.filename()), scan.contentType(), scan.size(), sha256, by, kind,
				StoredFile.DIGITIZED, null, owner);
	}

	/**
	 * Puts content in the file store once its record is to be kept; removes it again when
	 * the transaction rolls back and no other record holds it.
	 */
	void put(String sha256, Path file) {
		if (!this.store.exists(sha256)) {
			this.store.put(sha256, file);
			afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK, () -> removeIfUnheld(sha256));
		}
		else {
			// another transaction wrote it and may yet roll back and remove it: write it
			// again once this record is committed, should it be gone; the temporary file
			// is still there then (its caller releases it after the commit)
			afterCompletion(TransactionSynchronization.STATUS_COMMITTED, () -> {
				if (!this.store.exists(sha256) && Files.isRegularFile(file)) {
					this.store.put(sha256, file);
				}
			});
		}
	}

	StoredFile insert(String dossierCode, String component, String name, String type, long size, String sha256,
			String by, String kind, String origin, Long reusedFrom, String owner) {
		OffsetDateTime now = utc(this.clock.instant());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into document_file (dossier_code, component, filename, content_type, size_bytes,"
					+ " sha256, stored_at, stored_by, kind, origin, reused_from, owner_id)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(dossierCode, component, name, type, size, sha256, now, by, kind, origin, reusedFrom, owner)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		return new StoredFile(id, dossierCode, component, name, type, size, sha256, now.toInstant(), by, kind, origin,
				reusedFrom, owner);
	}

	/**
	 * The file's name without its path and control characters (a NUL fails PostgreSQL),
	 * at most 255 characters (its column).
	 */
	static String name(String filename) {
		String plain = filename == null ? null : filename.replaceAll("\\p{Cntrl}", "");
		String name = plain == null || plain.isBlank() ? "tep"
				: plain.substring(Math.max(plain.lastIndexOf('/'), plain.lastIndexOf('\\')) + 1);
		name = name.isBlank() ? "tep" : name;
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	/**
	 * A record of the owner's data store, picked for reuse.
	 * @throws Problem naming the field when there is none such in that store
	 */
	private StoredFile earlier(String field, long id, String owner) {
		return find(id).filter(f -> owner != null && owner.equals(f.ownerId()))
			.orElseThrow(() -> Problem.invalid(ProblemCode.FILE_NOT_IN_STORE, field,
					"file " + id + " is not in the applicant's data store"));
	}

	Optional<StoredFile> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from document_file where id = ?")
			.param(id)
			.query(Documents::row)
			.optional();
	}

	@Override
	@Transactional
	public void attach(String provisionalKey, String dossierCode) {
		reassign(provisionalKey, dossierCode);
	}

	@Override
	@Transactional
	public void discard(String key) {
		List<String> contents = this.jdbc.sql("select sha256 from document_file where dossier_code = ?")
			.param(key)
			.query(String.class)
			.list();
		this.jdbc.sql("delete from document_file where dossier_code = ?").param(key).update();
		afterCompletion(TransactionSynchronization.STATUS_COMMITTED,
				() -> contents.stream().distinct().forEach(this::removeIfUnheld));
	}

	/**
	 * Removes a file's content when no committed record holds it. A record of the same
	 * content committed by another transaction (on any instance) between the count and
	 * the delete may have found the content still there and not written it again: the
	 * content is copied aside (to a temporary file, never into memory) before it is
	 * deleted, and put back when a record holds it after the delete (ADR 23).
	 */
	private void removeIfUnheld(String sha256) {
		if (held(sha256)) {
			return;
		}
		Optional<InputStream> content = this.store.open(sha256);
		if (content.isEmpty()) {
			return;
		}
		Path aside = null;
		try {
			Files.createDirectories(this.uploads.tempDir());
			aside = Files.createTempFile(this.uploads.tempDir(), "aside-", ".part");
			try (InputStream in = content.get()) {
				Files.copy(in, aside, StandardCopyOption.REPLACE_EXISTING);
			}
			this.store.delete(sha256);
			if (held(sha256)) {
				this.store.put(sha256, aside);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot set a file aside from " + this.store, ex);
		}
		finally {
			Uploads.deleteQuietly(aside);
		}
	}

	private boolean held(String sha256) {
		return this.jdbc.sql("select count(*) from document_file where sha256 = ?")
			.param(sha256)
			.query(Long.class)
			.single() > 0;
	}

	/** Runs the work when the current transaction ends so (at once, outside one). */
	static void afterCompletion(int outcome, Runnable work) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			if (outcome == TransactionSynchronization.STATUS_COMMITTED) {
				work.run();
			}
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status == outcome) {
					work.run();
				}
			}
		});
	}

	/**
	 * Moves the files kept under a provisional key (an online submission waiting for its
	 * code) to the dossier.
	 */
	@Transactional
	public void reassign(String fromKey, String dossierCode) {
		this.jdbc.sql("update document_file set dossier_code = ? where dossier_code = ?")
			.params(dossierCode, fromKey)
			.update();
	}

	/** The files of a dossier, components and result, in the order they were kept. */
	@Transactional(readOnly = true)
	public List<StoredFile> ofDossier(String dossierCode) {
		return this.jdbc.sql("select " + COLUMNS + " from document_file where dossier_code = ? order by id")
			.param(dossierCode)
			.query(Documents::row)
			.list();
	}

	static StoredFile row(ResultSet rs, int n) throws SQLException {
		long reusedFrom = rs.getLong(12);
		return new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getLong(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9),
				rs.getString(10), rs.getString(11), rs.wasNull() ? null : reusedFrom, rs.getString(13));
	}

	/**
	 * The content of a stored file, if the store still holds it: a stream to read once
	 * and close, so that a file is never held whole in memory to be sent.
	 */
	public Optional<InputStream> open(StoredFile file) {
		return this.store.open(file.sha256());
	}

}
