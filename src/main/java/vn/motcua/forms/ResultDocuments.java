package vn.motcua.forms;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.document.CitizenStore;
import vn.motcua.document.FileStore;
import vn.motcua.dossier.DossierNotFound;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Scan;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.org.Actor;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * A dossier's result document (issue 12): the officer in charge uploads its draft, the
 * leader's approval signs it ({@link ResultApproval}), and once recorded it is the
 * applicant's, a digitized document of the dossier, and, returned electronically, in the
 * applicant's data store. Kept as issued documents of kind RESULT
 * ({@link IssuedDocuments}).
 */
@Service
public class ResultDocuments {

	/** The statuses in which the officer in charge may upload the result's draft. */
	static final Set<DossierStatus> RESULT_DRAFTING = Set.of(DossierStatus.RECEIVED, DossierStatus.IN_PROCESSING,
			DossierStatus.AWAITING_APPROVAL);

	private final IssuedDocuments issued;

	private final JdbcClient jdbc;

	private final FileStore store;

	private final CitizenStore stores;

	private final DossierQueries dossiers;

	private final ObjectProvider<DocumentSigner> signer;

	private final Clock clock;

	ResultDocuments(IssuedDocuments issued, JdbcClient jdbc, FileStore store, CitizenStore stores,
			DossierQueries dossiers, ObjectProvider<DocumentSigner> signer, Clock clock) {
		this.issued = issued;
		this.jdbc = jdbc;
		this.store = store;
		this.stores = stores;
		this.dossiers = dossiers;
		this.signer = signer;
		this.clock = clock;
	}

	/**
	 * The dossier's result, once recorded, is a digitized document of the dossier (for
	 * the rates, DOMAIN §7), in no one's store yet.
	 */
	@Transactional
	public void resultDigitized(String code) {
		resultToTheApplicantsStore(code, null);
	}

	/**
	 * A result returned electronically goes to the applicant's data store (DOMAIN §7,
	 * Decree 45/2020 art. 16): the dossier's latest result, signed, as it is kept here.
	 * Nothing without a result document; again for the same content, nothing more.
	 */
	@Transactional
	public void resultToTheApplicantsStore(String code, String personalId) {
		theResult(code).ifPresent(result -> this.stores.keepResult(personalId, code, result.sha256(), result.filename(),
				"application/pdf", result.sizeBytes(),
				result.issuedBy() == null ? result.unitCode() : result.issuedBy()));
	}

	/**
	 * The dossier's result becomes the applicant's once it is recorded: the latest signed
	 * one (the latest draft where no signer is set up).
	 */
	@Transactional
	public void resultIsTheApplicants(String code) {
		theResult(code).ifPresent(result -> this.jdbc.sql("update issued_document set for_citizen = ? where id = ?")
			.params(true, result.id())
			.update());
	}

	/**
	 * The dossier's result: its latest signed result document, or, where none was signed
	 * (no signer set up), its latest draft.
	 */
	private Optional<IssuedDocument> theResult(String code) {
		List<IssuedDocument> results = this.issued.list("dossier_code = ? and kind = ?", code, FormKind.RESULT.name());
		Optional<IssuedDocument> signed = results.stream().filter(IssuedDocument::signed).reduce((a, b) -> b);
		return signed.isPresent() ? signed : results.stream().reduce((a, b) -> b);
	}

	/**
	 * Whether the officer may upload the result's draft now: an officer of the unit
	 * assigned to a step of the dossier's processing (not the counter's receipt or
	 * return), while it is being processed.
	 */
	public static boolean mayUploadResult(Actor actor, DossierView d) {
		return actor.unitCode() != null && actor.unitCode().equals(d.unitCode()) && RESULT_DRAFTING.contains(d.status())
				&& d.steps()
					.stream()
					.anyMatch(s -> actor.username().equals(s.assignee()) && !"ONE_STOP_OFFICER".equals(s.role()));
	}

	/**
	 * Checks, before a file is received, that the officer may upload the dossier's result
	 * now.
	 * @throws Problem NOT_FOUND for a dossier the officer may not read, NOT_ALLOWED for
	 * one they are not in charge of, or not being processed
	 */
	@Transactional(readOnly = true)
	public DossierView checkMayUploadResult(Actor actor, String code) {
		DossierView d = this.dossiers.asIssued(code)
			.filter(v -> this.dossiers.mayRead(actor, v.unitCode()))
			.orElseThrow(() -> DossierNotFound.forCode(code));
		if (!mayUploadResult(actor, d)) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"Only an officer assigned to a step of dossier " + code
							+ " uploads its result, while it is being processed",
					List.of(Problem.Violation.of("file", "not the officer in charge, or not being processed")));
		}
		return d;
	}

	/**
	 * The officer in charge uploads the result's draft (a PDF) while the dossier is being
	 * processed: kept as a document of kind RESULT, to be signed by the leader; the same
	 * file uploaded again is kept once. The applicant is given the latest draft once the
	 * result is recorded.
	 * @throws Problem NOT_ALLOWED for an officer not assigned to a step of the dossier,
	 * or a dossier not being processed; FILE_INVALID for a file that is not a PDF
	 */
	@Transactional
	public IssuedDocument uploadResult(Actor actor, String code, Scan upload) {
		DossierView d = checkMayUploadResult(actor, code);
		// received and checked by the document module (size, type, content); a result is
		// a PDF, read whole to be signed
		if (upload == null || upload.file() == null || !"application/pdf".equals(upload.contentType())) {
			throw Problem.invalid(ProblemCode.RESULT_NOT_PDF, "file", "the result is a PDF");
		}
		byte[] bytes;
		try {
			bytes = java.nio.file.Files.readAllBytes(upload.file());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		Instant now = this.clock.instant();
		String number = d.code() + "/KQ";
		return this.issued.keep(new IssuedDocuments.Draft("RESULT:" + d.code() + ":" + IssuedDocuments.sha256(bytes),
				d.code(), null, d.unitCode(), FormKind.RESULT, null, number, "KetQua-" + d.code() + ".pdf", now,
				actor.username(), null, false), bytes);
	}

	/**
	 * Signs the latest draft of the dossier's result with the signer's key (the leader,
	 * at the approval; the signing module calls this in the same action) and keeps the
	 * signed PDF as the dossier's latest result, the one the applicant is given once the
	 * result is recorded. Without a {@link DocumentSigner} there is nothing to sign with:
	 * the draft stays the latest result, unchanged. Signing the same draft again keeps
	 * one signed document.
	 * @return the signed result (or the draft, unsigned), or empty when no draft was
	 * uploaded
	 */
	@Transactional
	public Optional<IssuedDocument> signLatestResult(String code, String signer) {
		Optional<IssuedDocument> latest = this.issued
			.list("dossier_code = ? and kind = ?", code, FormKind.RESULT.name())
			.stream()
			.filter(result -> !result.signed())
			.reduce((first, second) -> second);
		if (latest.isEmpty() || this.signer.getIfAvailable() == null) {
			return latest;
		}
		IssuedDocument draft = latest.get();
		String key = "RESULT:" + code + ":signed:" + draft.sha256();
		Optional<IssuedDocument> done = this.issued.byKey(key);
		if (done.isPresent()) {
			return done;
		}
		byte[] bytes;
		try (InputStream in = this.store.open(draft.sha256()).orElseThrow(() -> DossierNotFound.forCode(code))) {
			bytes = in.readAllBytes();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return Optional.of(this.issued
			.keep(new IssuedDocuments.Draft(key, code, null, draft.unitCode(), FormKind.RESULT, null, draft.number(),
					draft.filename(), this.clock.instant(), signer, signer, draft.forCitizen()), bytes));
	}

}
