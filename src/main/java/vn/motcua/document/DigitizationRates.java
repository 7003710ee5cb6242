package vn.motcua.document;

/**
 * The rates of digitization and reuse of a unit (or units) for a period of local dates
 * (DOMAIN §7, §10; ADR 32), each an exact numerator over its denominator; a rate is their
 * quotient, null when there is nothing to divide by.
 * <ul>
 * <li>{@code digitizedDossiers} ÷ {@code returnedDossiers}: of the dossiers whose result
 * was returned in the period, those with every component and the result kept as a
 * file;</li>
 * <li>{@code componentsReused} ÷ {@code components}: of the components of the dossiers
 * received in the period, those picked from the applicant's data store (an earlier
 * dossier's component, or {@code componentsFromStore}: an electronic result kept
 * there);</li>
 * <li>{@code electronicResults} ÷ {@code returnedDossiers}: results returned
 * electronically;</li>
 * <li>{@code documentsSigned} ÷ {@code documentsIssued}: documents issued with a valid
 * signature, null until a {@link SignedDocuments} supplies them.</li>
 * </ul>
 */
public record DigitizationRates(long receivedDossiers, long returnedDossiers, long digitizedDossiers,
		Double digitizedRate, long components, long componentsReused, long componentsFromStore, Double reuseRate,
		long electronicResults, Double electronicResultRate, Long documentsIssued, Long documentsSigned,
		Double signedRate) {

	/** The rates of the counts. */
	public static DigitizationRates of(long received, long returned, long digitized, long components, long reused,
			long fromStore, long electronic, SignedDocuments.Count signed) {
		return new DigitizationRates(received, returned, digitized, rate(digitized, returned), components, reused,
				fromStore, rate(reused, components), electronic, rate(electronic, returned),
				signed == null ? null : signed.issued(), signed == null ? null : signed.signedValid(),
				signed == null ? null : rate(signed.signedValid(), signed.issued()));
	}

	/** No dossier, no component, no result. */
	public static DigitizationRates none() {
		return of(0, 0, 0, 0, 0, 0, 0, null);
	}

	private static Double rate(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
