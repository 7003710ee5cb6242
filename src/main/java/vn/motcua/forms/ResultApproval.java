package vn.motcua.forms;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.org.Actor;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;

/**
 * The leader approves a dossier and signs its result in the same action (issue 12, item
 * 3): the latest draft of the result is signed with the leader's key and kept as the
 * dossier's result, and the dossier is approved, in one transaction, so that neither
 * happens without the other.
 */
@Service
public class ResultApproval {

	/** The field of the pages and the API that asks for the signature. */
	public static final String FIELD = "signResult";

	private final DossierActions actions;

	private final IssuedDocuments issued;

	private final ResultDocuments results;

	ResultApproval(DossierActions actions, IssuedDocuments issued, ResultDocuments results) {
		this.results = results;
		this.actions = actions;
		this.issued = issued;
	}

	/**
	 * Approves the dossier, signing its result as asked: {@code sign} true signs the
	 * latest draft (there must be one), false does not, null (the API's default) signs
	 * when a draft waits to be signed, so that a result does not reach the applicant
	 * unsigned by an omission.
	 */
	@Transactional
	public DossierView approve(Actor actor, String code, DossierActions.ActionRequest request, Boolean sign) {
		boolean signing = sign != null ? sign
				: this.issued.ofDossier(actor, code).stream().anyMatch(d -> d.kind() == FormKind.RESULT && !d.signed());
		return signing ? approveAndSign(actor, code, request)
				: this.actions.act(actor, code, DossierAction.APPROVE, request);
	}

	/**
	 * Approves the dossier and signs its result's latest draft with the approver's key.
	 * @throws Problem {@link ProblemCode#RESULT_DRAFT_MISSING} when no draft was
	 * uploaded, {@link ProblemCode#SIGNING_KEY_NOT_FOUND} when the approver has no
	 * signing key, both naming the field {@value #FIELD}; the approval's own problems
	 * (not allowed, changed meanwhile) as the action has them
	 */
	@Transactional
	public DossierView approveAndSign(Actor actor, String code, DossierActions.ActionRequest request) {
		DossierView approved = this.actions.act(actor, code, DossierAction.APPROVE, request);
		try {
			this.results.signLatestResult(code, actor.username())
				.filter(IssuedDocument::signed)
				.orElseThrow(() -> Problem.invalid(ProblemCode.RESULT_DRAFT_MISSING, FIELD,
						"no draft of the result was uploaded to be signed"));
		}
		catch (Problem ex) {
			if (!ProblemCode.SIGNING_KEY_NOT_FOUND.name().equals(ex.code())) {
				throw ex;
			}
			throw new Problem(Problem.Kind.INVALID, ProblemCode.SIGNING_KEY_NOT_FOUND,
					actor.username() + " has no signing key on the server",
					List.of(Problem.Violation.of(FIELD, "no signing key for " + actor.username())));
		}
		return approved;
	}

}
