package vn.motcua.reporting;

/**
 * A unit's (or a group's) KPIs for a period of local dates, both ends included (DOMAIN
 * §5, §10): dossiers received in it (by channel), carried over from before it (received
 * before, not resolved before it began), resolved in it early / on time / late (refused,
 * stopped and withdrawn among them), still in progress at its end in time or overdue,
 * supplement requests and apologies made in it, ratings given in it. Rates are fractions
 * (0.0046 is 0.46 %), null when there is nothing to divide by.
 */
public record KpiFigures(long received, long receivedAtCounter, long receivedByPost, long receivedOnline,
		long carriedOver, long resolved, long resolvedEarly, long resolvedOnTime, long resolvedLate, Double lateRate,
		Double onTimeRate, long inProgress, long inProgressInTime, long overdue, long supplementRequests, long refused,
		long stopped, long withdrawn, long apologies, Double onlineShare, long ratings, long satisfied,
		Double satisfaction) {

	/**
	 * The figures from the sums of the flows in the period and of the stocks at its ends.
	 */
	static KpiFigures of(long[] flows, long[] atStart, long[] atEnd) {
		long received = flows[Measure.RECEIVED.ordinal()];
		long online = flows[Measure.RECEIVED_ONLINE.ordinal()];
		long post = flows[Measure.RECEIVED_POST.ordinal()];
		long resolved = flows[Measure.RESOLVED.ordinal()];
		long early = flows[Measure.EARLY.ordinal()];
		long onTime = flows[Measure.ON_TIME.ordinal()];
		long late = flows[Measure.LATE.ordinal()];
		long open = atEnd[Measure.OPEN_CHANGE.ordinal()];
		long overdue = atEnd[Measure.OVERDUE_CHANGE.ordinal()];
		long rated = flows[Measure.RATED.ordinal()];
		long satisfied = flows[Measure.SATISFIED.ordinal()];
		return new KpiFigures(received, received - online - post, post, online, atStart[Measure.OPEN_CHANGE.ordinal()],
				resolved, early, onTime, late, rate(late, resolved), rate(early + onTime, resolved), open,
				open - overdue, overdue, flows[Measure.SUPPLEMENTS.ordinal()], flows[Measure.REFUSED.ordinal()],
				flows[Measure.STOPPED.ordinal()], flows[Measure.WITHDRAWN.ordinal()],
				flows[Measure.APOLOGIES.ordinal()], rate(online, received), rated, satisfied, rate(satisfied, rated));
	}

	private static Double rate(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
