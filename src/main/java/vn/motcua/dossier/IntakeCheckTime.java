package vn.motcua.dossier;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the one-stop officer has, in the unit's working time, to check an online
 * submission (accept it, ask for more, or refuse it):
 * {@code motcua.dossier.intake-check-hours}, default 8 working hours. No text read so far
 * sets this time; it is a setting until one does (ADR 15).
 */
@Component
class IntakeCheckTime {

	private final Duration time;

	IntakeCheckTime(@Value("${motcua.dossier.intake-check-hours:8}") double hours) {
		if (!(hours > 0) || hours > 24 * 8) {
			throw new IllegalArgumentException(
					"motcua.dossier.intake-check-hours must be above 0, at most 192: " + hours);
		}
		this.time = Duration.ofSeconds(Math.round(hours * 3600));
	}

	Duration get() {
		return this.time;
	}

}
