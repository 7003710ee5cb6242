package vn.motcua.document;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierNotFound;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.Scan;
import vn.motcua.org.Actor;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.shared.VietnameseText;

/**
 * A dossier's files for its officers, each read checked against who may see the dossier:
 * its components with their digitization record, their content, and the digitization of a
 * component after intake (a paper handed in, scanned later).
 */
@Service
public class DossierDocuments {

	private final DossierQueries dossiers;

	private final Documents documents;

	DossierDocuments(DossierQueries dossiers, Documents documents) {
		this.dossiers = dossiers;
		this.documents = documents;
	}

	/**
	 * The dossier's files with their digitization records.
	 * @throws DossierNotFound when the actor may not see the dossier
	 */
	@Transactional
	public List<StoredFile> list(Actor actor, String code) {
		DossierView dossier = this.dossiers.get(actor, code);
		return this.documents.ofDossier(dossier.code());
	}

	/**
	 * One of the dossier's files with its content, read once and closed; the read is
	 * recorded.
	 * @throws DossierNotFound when the actor may not see the dossier or it has no such
	 * file
	 */
	@Transactional
	public CitizenStore.Item open(Actor actor, String code, long fileId) {
		StoredFile file = this.documents.ofDossier(code)
			.stream()
			.filter(f -> f.id() == fileId)
			.findFirst()
			.orElseThrow(() -> DossierNotFound.forCode(code));
		this.dossiers.readFile(actor, code, fileId);
		return new CitizenStore.Item(file, this.documents.open(file).orElseThrow(() -> DossierNotFound.forCode(code)));
	}

	/**
	 * Keeps a scan (or the reuse of an item of the applicant's data store) for one of the
	 * dossier's components, by an officer of its unit. A dossier received at the counter,
	 * where its applicant's card was seen, fills and draws on their data store.
	 * @throws Problem not found (dossier), forbidden (not of its unit), invalid (no such
	 * component, or a reuse outside the store)
	 */
	@Transactional
	public StoredFile digitize(Actor actor, String code, Scan scan) {
		DossierView dossier = this.dossiers.get(actor, code);
		if (!actor.worksAt(dossier.unitCode()) || actor.unitCode() == null) {
			throw new Problem(Problem.Kind.FORBIDDEN, ProblemCode.NOT_ALLOWED,
					"The components of dossier " + code + " are digitized by the officers of its unit",
					List.of(Problem.Violation.of("code", "not your unit")));
		}
		String component = dossier.components()
			.stream()
			.map(c -> c.name())
			.filter(name -> scan.component() != null
					&& VietnameseText.fold(name).equals(VietnameseText.fold(scan.component())))
			.findFirst()
			.orElseThrow(() -> Problem.invalid(ProblemCode.INVALID_REQUEST, "component",
					"'" + scan.component() + "' is not a component the dossier was received with"));
		String owner = dossier.channel() == Channel.COUNTER && dossier.applicant() != null
				? Documents.owner(dossier.applicant().idNumber()) : null;
		this.documents.check(scan, owner);
		return this.documents.store(dossier.code(), component, scan, owner, StoredFile.COMPONENT, actor.username());
	}

}
