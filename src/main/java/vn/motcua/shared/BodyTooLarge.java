package vn.motcua.shared;

import java.io.IOException;

/**
 * A request body sent without a declared length that passed its endpoint's limit while
 * being read (issue 10): answered 413 by whoever reads it.
 */
public class BodyTooLarge extends IOException {

	public BodyTooLarge(long limit) {
		super("The body is larger than this endpoint takes (" + limit + " bytes)");
	}

	/** Whether the failure, or one of its causes, is a body past its limit. */
	public static boolean in(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

}
