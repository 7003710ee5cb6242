package vn.motcua.document;

import java.time.LocalDate;
import java.util.List;

/**
 * The hook through which the signing module supplies the count of documents issued, and
 * of those with a valid signature, by units and period (issue 12, item 6), for
 * {@link Digitization#rates}. Without a bean of it, the rate is left out (null).
 */
public interface SignedDocuments {

	/**
	 * Documents issued in the period by the units, and those among them validly signed.
	 */
	record Count(long issued, long signedValid) {
	}

	Count count(List<String> unitCodes, LocalDate from, LocalDate to);

}
