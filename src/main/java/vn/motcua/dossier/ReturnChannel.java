package vn.motcua.dossier;

/** How a result reached the applicant. */
public enum ReturnChannel {

	/** At the one-stop counter. */
	COUNTER,
	/** By post. */
	POST,
	/** Electronically, to the citizen's data store (Decree 45/2020 art. 16). */
	ELECTRONIC

}
