package vn.motcua.catalog.core;

/**
 * Where a procedure's process waits for its fee: at intake, or before the result is
 * returned. (Helper B's minimal copy of the plan's type; helper A's replaces it.)
 */
public enum FeeStage {

	/** The dossier waits for payment once received. */
	INTAKE,
	/** The result is not returned while the fee is unpaid. */
	RESULT

}
