package vn.motcua.forms.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import vn.motcua.forms.DocumentSigner;
import vn.motcua.forms.FormKind;
import vn.motcua.shared.Problem;
import vn.motcua.shared.ProblemCode;
import vn.motcua.signing.Signatures;
import vn.motcua.signing.Signer;

/**
 * Signs the papers the one-stop shop issues with the signing module (PAdES, ADR 34): a
 * form with its unit's seal, a result with the key of the officer who approves it. A
 * result's draft (no signer) is kept as uploaded. A unit with no seal key on the server
 * still issues its forms, unsigned, with a warning in the log, and so does a seal that
 * fails (a timestamp authority that does not answer): the paper is owed to the applicant,
 * and the rate of documents issued with a signature shows the gap. An officer with no key
 * is refused (the leader asked to sign).
 */
@Component
class PadesDocumentSigner implements DocumentSigner {

	private static final Logger log = LoggerFactory.getLogger(PadesDocumentSigner.class);

	private final Signatures signatures;

	PadesDocumentSigner(Signatures signatures) {
		this.signatures = signatures;
	}

	@Override
	public Signed sign(Signing signing, byte[] pdf) {
		String level = this.signatures.level().name();
		if (signing.signer() != null) {
			byte[] signed = this.signatures.sign(pdf, Signer.officer(signing.signer()), reason(signing));
			return new Signed(signed, "officer:" + signing.signer(), level);
		}
		if (signing.kind() == FormKind.RESULT) {
			return new Signed(pdf, null, null);
		}
		try {
			byte[] sealed = this.signatures.sign(pdf, Signer.unitSeal(signing.unitCode()), reason(signing));
			return new Signed(sealed, "unit:" + signing.unitCode(), level);
		}
		catch (Problem ex) {
			if (!ProblemCode.SIGNING_KEY_NOT_FOUND.name().equals(ex.code())) {
				throw ex;
			}
			log.warn("Unit {} has no seal key: {} of {} issued unsigned", signing.unitCode(), signing.kind(),
					signing.dossierCode());
			return new Signed(pdf, null, null);
		}
		catch (RuntimeException ex) {
			// the timestamp authority (B-T) is down, say: the paper is owed to the
			// applicant now, and the rate of signed documents shows the gap
			log.warn("Sealing {} of {} failed: issued unsigned", signing.kind(), signing.dossierCode(), ex);
			return new Signed(pdf, null, null);
		}
	}

	private static String reason(Signing signing) {
		String of = signing.dossierCode() == null ? "" : " hồ sơ " + signing.dossierCode();
		return signing.kind() == FormKind.RESULT ? "Phê duyệt kết quả giải quyết" + of
				: "Bộ phận một cửa ban hành giấy tờ" + of;
	}

}
