package vn.motcua.dossier;

import java.util.List;

import vn.motcua.dossier.core.Timeliness;

/**
 * What became of one imported dossier: its code in MotCua, whether it is new (false: its
 * source ID was imported before, nothing changed), MotCua's verdict and the source's, and
 * notes: why the verdicts differ, events the rules would not replay.
 */
public record ImportOutcome(String code, boolean imported, Timeliness verdict, Timeliness sourceVerdict,
		List<String> notes) {

	public boolean differs() {
		return this.verdict != this.sourceVerdict && this.sourceVerdict != null;
	}

}
