package vn.motcua.shared;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A unit's working sessions in a working day, e.g. 07:00–11:30 and 13:30–17:00. The
 * sessions are in order, do not overlap and lie within one day. One working day is their
 * total length.
 */
public record WorkingHours(List<Session> sessions) {

	/** One session of work, from start (inclusive) to end. */
	public record Session(LocalTime start, LocalTime end) {

		public Session {
			Objects.requireNonNull(start, "start");
			Objects.requireNonNull(end, "end");
			if (!end.isAfter(start)) {
				throw new IllegalArgumentException("a session must end after it starts: " + start + "-" + end);
			}
		}

		int seconds() {
			return this.end.toSecondOfDay() - this.start.toSecondOfDay();
		}

		@Override
		public String toString() {
			return this.start + "-" + this.end;
		}

	}

	/**
	 * The common hours of a ward's one-stop shop: 07:00–11:30 and 13:30–17:00, 8 hours.
	 */
	public static final WorkingHours STANDARD = parse("07:00-11:30,13:30-17:00");

	public WorkingHours {
		sessions = List.copyOf(sessions);
		if (sessions.isEmpty()) {
			throw new IllegalArgumentException("working hours need at least one session");
		}
		for (int i = 1; i < sessions.size(); i++) {
			if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
				throw new IllegalArgumentException("sessions must be in order and not overlap: " + sessions);
			}
		}
	}

	/** Reads "07:00-11:30,13:30-17:00". */
	public static WorkingHours parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("working hours are empty");
		}
		List<Session> sessions = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] ends = part.strip().split("-");
			if (ends.length != 2) {
				throw new IllegalArgumentException("a session reads HH:MM-HH:MM, not '" + part.strip() + "'");
			}
			try {
				sessions.add(new Session(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("a session reads HH:MM-HH:MM, not '" + part.strip() + "'", ex);
			}
		}
		return new WorkingHours(sessions);
	}

	/** Length of one working day in seconds. */
	/** The sessions as people write them: "07:00–11:30, 13:30–17:00". */
	public String display() {
		return this.sessions.stream()
			.map(s -> s.start() + "–" + s.end())
			.collect(java.util.stream.Collectors.joining(", "));
	}

	public int daySeconds() {
		return this.sessions.stream().mapToInt(Session::seconds).sum();
	}

	public double hoursPerDay() {
		return daySeconds() / 3600.0;
	}

	public LocalTime opensAt() {
		return this.sessions.get(0).start();
	}

	public LocalTime closesAt() {
		return this.sessions.get(this.sessions.size() - 1).end();
	}

	@Override
	public String toString() {
		return String.join(",", this.sessions.stream().map(Session::toString).toList());
	}

}
