package vn.motcua.org;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A unit's settings versions as read from the database at one instant, and until when
 * that read may be served from memory: the next midnight in Vietnam, or
 * {@link #FRESH_FOR} after the read, whichever comes first (ADR 13). A version for a
 * later day is therefore seen by every instance before its day begins; one for today
 * within {@link #FRESH_FOR}.
 */
record SettingsHistory(List<UnitSettings> versions, Instant readAt, Instant expiresAt) {

	/** How long a read of the versions is served at most. */
	static final Duration FRESH_FOR = Duration.ofMinutes(1);

	SettingsHistory {
		versions = versions.stream().sorted(Comparator.comparing(UnitSettings::effectiveFrom)).toList();
	}

	static SettingsHistory readAt(List<UnitSettings> versions, Instant at) {
		Instant midnight = LocalDate.ofInstant(at, UnitSettings.ZONE)
			.plusDays(1)
			.atStartOfDay(UnitSettings.ZONE)
			.toInstant();
		Instant fresh = at.plus(FRESH_FOR);
		return new SettingsHistory(versions, at, fresh.isBefore(midnight) ? fresh : midnight);
	}

	/**
	 * Whether the read may still be served at {@code now}; a clock set back before the
	 * read makes it stale too.
	 */
	boolean freshAt(Instant now) {
		return !now.isBefore(this.readAt) && now.isBefore(this.expiresAt);
	}

	/**
	 * The version in force on the day: the one with the latest {@code effectiveFrom} on
	 * or before it; the first version for a day before all of them.
	 */
	UnitSettings on(LocalDate day) {
		if (this.versions.isEmpty()) {
			throw new IllegalStateException("a unit without settings");
		}
		for (int i = this.versions.size() - 1; i > 0; i--) {
			if (!this.versions.get(i).effectiveFrom().isAfter(day)) {
				return this.versions.get(i);
			}
		}
		return this.versions.get(0);
	}

}
