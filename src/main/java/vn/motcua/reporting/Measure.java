package vn.motcua.reporting;

/**
 * What the KPI tables count, one column each (ADR 30). Flows count what happened on a
 * day; the two stocks ({@link #OPEN_CHANGE}, {@link #OVERDUE_CHANGE}) count how many
 * dossiers started to be open (or overdue) that day less those that stopped being.
 */
public enum Measure {

	RECEIVED("received"), RECEIVED_ONLINE("received_online"), RECEIVED_POST("received_post"), RESOLVED("resolved"),
	EARLY("early"), ON_TIME("on_time"), LATE("late"), REFUSED("refused"), STOPPED("stopped"), WITHDRAWN("withdrawn"),
	SUPPLEMENTS("supplements"), APOLOGIES("apologies"), OPEN_CHANGE("open_change"), OVERDUE_CHANGE("overdue_change"),
	RATED("rated"), SATISFIED("satisfied");

	private final String column;

	Measure(String column) {
		this.column = column;
	}

	public String column() {
		return this.column;
	}

	public boolean isStock() {
		return this == OPEN_CHANGE || this == OVERDUE_CHANGE;
	}

}
