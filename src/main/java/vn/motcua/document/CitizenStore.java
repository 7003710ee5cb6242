package vn.motcua.document;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.Scan;
import vn.motcua.dossier.core.DossierPermissions;
import vn.motcua.org.Actor;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * A citizen's data store (kho quản lý dữ liệu điện tử, DOMAIN §7; ADR 32), keyed by their
 * 12-digit personal identification number: the components they handed in, digitized, and
 * their electronic results. Each item is a file record whose content was brought anew; a
 * later dossier that reuses it records the reuse (the same SHA-256, no new copy). The
 * citizen sees their own store (signed in, their ID number vouched for by the sign-in);
 * the one-stop officer sees the store of the applicant in front of them, to pick from.
 */
@Service
public class CitizenStore {

	/** The most items listed. */
	static final int MAX_ITEMS = 500;

	private final JdbcClient jdbc;

	private final Documents documents;

	private final Uploads uploads;

	CitizenStore(JdbcClient jdbc, Documents documents, Uploads uploads) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.uploads = uploads;
	}

	/** The store of the citizen with this verified ID number, newest first. */
	@Transactional(readOnly = true)
	public List<StoredFile> of(String verifiedIdNumber) {
		String owner = Documents.owner(verifiedIdNumber);
		if (owner == null) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + Documents.COLUMNS + " from document_file where owner_id = ? and origin = 'DIGITIZED'"
					+ " and dossier_code not like 'pending:%' order by id desc")
			.param(owner)
			.query(Documents::row)
			.stream()
			.limit(MAX_ITEMS)
			.toList();
	}

	/**
	 * The store of the applicant with this ID number, for the one-stop officer who
	 * receives their dossier and saw their card; empty for anyone else.
	 */
	@Transactional(readOnly = true)
	public List<StoredFile> forCounter(Actor actor, String idNumber) {
		if (actor == null || actor.unitCode() == null || !DossierPermissions.mayReceive(actor, actor.unitCode())) {
			return List.of();
		}
		return of(idNumber == null ? null : idNumber.strip());
	}

	/**
	 * An item of the citizen's store and its content, to download.
	 * @throws Problem not found when the store holds no such item
	 */
	@Transactional(readOnly = true)
	public Item open(String verifiedIdNumber, long id) {
		String owner = Documents.owner(verifiedIdNumber);
		StoredFile file = this.documents.find(id)
			.filter(f -> owner != null && owner.equals(f.ownerId()))
			.orElseThrow(CitizenStore::notFound);
		return new Item(file, this.documents.open(file).orElseThrow(CitizenStore::notFound));
	}

	/** An item of a store with its content, read once and closed. */
	public record Item(StoredFile file, InputStream content) {
	}

	private static Problem notFound() {
		return Problem.notFound(ProblemCode.NOT_FOUND, "file", "No such file in your data store");
	}

	/**
	 * Keeps a dossier's electronic result in its applicant's data store (and so in their
	 * dossiers): its content is already in the file store under its SHA-256 (an issued
	 * document). Called with no personal ID when the result is recorded (the dossier's
	 * result is digitized), and with the applicant's when it is returned ELECTRONIC (it
	 * goes to their store); calling it again for the same dossier and content changes
	 * nothing more.
	 * @param personalId the applicant's 12-digit personal ID number (none: the result is
	 * recorded for the dossier, in no store)
	 */
	@Transactional
	public StoredFile keepResult(String personalId, String dossierCode, String sha256, String filename,
			String contentType, long size, String by) {
		Optional<StoredFile> kept = this.jdbc
			.sql("select " + Documents.COLUMNS + " from document_file where dossier_code = ? and kind = 'RESULT'"
					+ " and sha256 = ?")
			.params(dossierCode, sha256)
			.query(Documents::row)
			.optional();
		if (kept.isPresent()) {
			String owner = Documents.owner(personalId);
			if (kept.get().ownerId() == null && owner != null) {
				// recorded as the dossier's result first, returned electronically now
				this.jdbc.sql("update document_file set owner_id = ? where id = ? and owner_id is null")
					.params(owner, kept.get().id())
					.update();
				return this.jdbc.sql("select " + Documents.COLUMNS + " from document_file where id = ?")
					.param(kept.get().id())
					.query(Documents::row)
					.single();
			}
			return kept.get();
		}
		return this.documents.insert(dossierCode, StoredFile.RESULT, Documents.name(filename), contentType, size,
				sha256, by, StoredFile.RESULT, StoredFile.DIGITIZED, null, Documents.owner(personalId));
	}

	/**
	 * Keeps a dossier's electronic result from a file (read, hashed and checked as an
	 * upload; the file itself is left as it is), in its applicant's data store.
	 */
	@Transactional
	public StoredFile keepResult(String personalId, String dossierCode, Path file, String filename, String by) {
		Scan scan;
		try (InputStream in = Files.newInputStream(file)) {
			scan = this.uploads.receive("result", StoredFile.RESULT, filename, null, in);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		try {
			this.documents.put(scan.sha256(), scan.file());
			return keepResult(personalId, dossierCode, scan.sha256(), filename, scan.contentType(), scan.size(), by);
		}
		finally {
			this.uploads.release(List.of(scan));
		}
	}

}
