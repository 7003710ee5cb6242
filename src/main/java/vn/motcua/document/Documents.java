package vn.motcua.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * and their records. Only PDF, JPEG and PNG files, at most 10 MB each. Callers check who
 * may see a dossier before handing out its files. A file written by a transaction that
 * then rolls back is removed again, unless a record of another dossier holds the same
 * content.
 */
@Service
public class Documents implements DossierFiles {

	public static final long MAX_BYTES = 10L * 1024 * 1024;

	static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final FileStore store;

	Documents(JdbcClient jdbc, Clock clock, FileStore store) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.store = store;
	}

	/**
	 * Stores a file for a component of a dossier.
	 * @throws Problem (invalid) for an empty, too large or unsupported file
	 */
	@Transactional
	public StoredFile store(String dossierCode, String component, String filename, String contentType, byte[] bytes,
			String by) {
		String type = check("file", contentType, bytes);
		String sha256 = sha256(bytes);
		if (!this.store.exists(sha256)) {
			write(sha256, bytes);
			afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK, () -> removeIfUnheld(sha256));
		}
		else {
			// another transaction wrote it and may yet roll back and remove it: write it
			// again once this record is committed, should it be gone
			afterCompletion(TransactionSynchronization.STATUS_COMMITTED, () -> {
				if (!this.store.exists(sha256)) {
					write(sha256, bytes);
				}
			});
		}
		String name = filename == null || filename.isBlank() ? "tep" : Path.of(filename).getFileName().toString();
		name = name.length() > 255 ? name.substring(name.length() - 255) : name;
		OffsetDateTime now = utc(this.clock.instant());
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into document_file (dossier_code, component, filename, content_type, size_bytes,"
					+ " sha256, stored_at, stored_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(dossierCode, component, name, type, bytes.length, sha256, now, by)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		return new StoredFile(id, dossierCode, component, name, type, bytes.length, sha256, now.toInstant(), by);
	}

	@Override
	public void check(Scan scan) {
		check(scan.field(), scan.contentType(), scan.bytes());
	}

	@Override
	@Transactional
	public void keep(String key, List<Scan> scans, String by) {
		scans.forEach(scan -> store(key, scan.component(), scan.filename(), scan.contentType(), scan.bytes(), by));
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

	private void write(String sha256, byte[] bytes) {
		this.store.put(sha256, new ByteArrayInputStream(bytes), bytes.length);
	}

	/**
	 * Removes a file's content when no committed record holds it. A record of the same
	 * content committed by another transaction (on any instance) between the count and
	 * the delete may have found the content still there and not written it again: the
	 * content is read before it is deleted, and put back when a record holds it after the
	 * delete (ADR 23).
	 */
	private void removeIfUnheld(String sha256) {
		if (held(sha256)) {
			return;
		}
		Optional<byte[]> kept = readWhole(sha256);
		if (kept.isEmpty()) {
			return;
		}
		this.store.delete(sha256);
		if (held(sha256)) {
			write(sha256, kept.get());
		}
	}

	private boolean held(String sha256) {
		return this.jdbc.sql("select count(*) from document_file where sha256 = ?")
			.param(sha256)
			.query(Long.class)
			.single() > 0;
	}

	/** The content, at most {@link #MAX_BYTES}, in memory: only to put it back. */
	private Optional<byte[]> readWhole(String sha256) {
		Optional<InputStream> content = this.store.open(sha256);
		if (content.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = content.get()) {
			return Optional.of(in.readNBytes((int) MAX_BYTES + 1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read a file from " + this.store, ex);
		}
	}

	/** Runs the work when the current transaction ends so (at once, outside one). */
	private static void afterCompletion(int outcome, Runnable work) {
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
	 * Checks a file before anything is stored: not empty, at most 10 MB, a PDF, JPEG or
	 * PNG that is what it says.
	 * @param field the form field, for the error
	 * @return the content type, normalized
	 */
	public String check(String field, String contentType, byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw Problem.invalid(ProblemCode.FILE_INVALID, field, "the file is empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw Problem.invalid(ProblemCode.FILE_INVALID, field, "the file is larger than 10 MB");
		}
		String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
		if (!TYPES.contains(type) || !looksLike(type, bytes)) {
			throw Problem.invalid(ProblemCode.FILE_INVALID, field, "only PDF, JPEG and PNG files are kept");
		}
		return type;
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

	@Transactional(readOnly = true)
	public List<StoredFile> ofDossier(String dossierCode) {
		return this.jdbc
			.sql("select id, dossier_code, component, filename, content_type, size_bytes, sha256, stored_at,"
					+ " stored_by from document_file where dossier_code = ? order by id")
			.param(dossierCode)
			.query((rs, n) -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant(),
					rs.getString(9)))
			.list();
	}

	/**
	 * The content of a stored file, if the store still holds it: a stream to read once
	 * and close, so that a file is never held whole in memory to be sent.
	 */
	public Optional<InputStream> open(StoredFile file) {
		return this.store.open(file.sha256());
	}

	private static boolean looksLike(String type, byte[] b) {
		return switch (type) {
			case "application/pdf" -> b.length > 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
			case "image/png" -> b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
			case "image/jpeg" -> b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
			default -> false;
		};
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
