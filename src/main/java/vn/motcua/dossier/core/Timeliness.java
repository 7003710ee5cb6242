package vn.motcua.dossier.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** How a finished dossier or step did against its due time (DOMAIN §5). */
public enum Timeliness {

	/** Finished before the due day (trước hạn). */
	EARLY,
	/** Finished on the due day, not after the due time (đúng hạn). */
	ON_TIME,
	/** Finished after the due time (quá hạn). */
	LATE;

	/**
	 * Judges a finish against a due time, days read in the given zone (Vietnam: UTC+7).
	 */
	public static Timeliness judge(Instant finished, Instant due, ZoneOffset zone) {
		if (finished.isAfter(due)) {
			return LATE;
		}
		LocalDate finishedDay = LocalDate.ofInstant(finished, zone);
		return finishedDay.isBefore(LocalDate.ofInstant(due, zone)) ? EARLY : ON_TIME;
	}

}
