package vn.motcua.dossier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

import vn.motcua.org.SupplementMode;

/**
 * Flyway version 2026.12.02.34: the history written before its facts were data kept them
 * as English words in the note ("due 2026-12-03T08:30+07:00", "assignee
 * quangcu.chuyenvien — Đủ điều kiện", "COUNTER"). This turns each such note into its
 * facts and the officer's own words, as the aggregate records them now; a note of another
 * shape stays as it is. Every pattern here is one the aggregate wrote (one format only
 * ever existed).
 */
@Component
class HistoryNotesToFacts implements JavaMigration {

	private static final int BATCH = 1_000;

	private static final String TIME = "(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2}))";

	/** The officer's own note, after the facts. */
	private static final String NOTE = "(?: — (.*))?";

	private static final Pattern DUE = Pattern.compile("due " + TIME, Pattern.DOTALL);

	private static final Pattern ASSIGNEE = Pattern.compile("assignee (\\S+)" + NOTE, Pattern.DOTALL);

	private static final Pattern TO_STEP = Pattern.compile("to step (\\d+)(?: \\(([^)\\s]+)\\))?" + NOTE,
			Pattern.DOTALL);

	private static final Pattern REQUEST = Pattern.compile("request (\\d+)( \\(late: more than one request\\))?" + NOTE,
			Pattern.DOTALL);

	private static final Pattern PAUSED = Pattern.compile("paused from " + TIME + " to " + TIME
			+ " \\((\\d+) working minutes\\), (PAUSE_ADDED|RESTART): due " + TIME + NOTE, Pattern.DOTALL);

	private static final Pattern MOVED = Pattern.compile("due " + TIME + " → " + TIME + NOTE, Pattern.DOTALL);

	private static final Pattern RETURNED = Pattern.compile("(COUNTER|POST|ELECTRONIC)" + NOTE, Pattern.DOTALL);

	/** An old note read again: its facts, and what is left of the note (or null). */
	record Read(HistoryFacts facts, String note) {
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("2026.12.02.34");
	}

	@Override
	public String getDescription() {
		return "dossier history notes to facts";
	}

	@Override
	public Integer getChecksum() {
		return 1;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		migrate(context.getConnection());
	}

	static void migrate(Connection connection) throws Exception {
		long after = 0;
		while (true) {
			List<Object[]> changes = new ArrayList<>();
			long last = after;
			try (PreparedStatement select = connection.prepareStatement(
					"select h.id, h.action, h.note, d.channel from dossier_history h join dossier d on d.id = h.dossier_id"
							+ " where h.facts is null and h.id > ? order by h.id fetch first " + BATCH
							+ " rows only")) {
				select.setLong(1, after);
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						last = rs.getLong(1);
						Read read = read(rs.getString(2), rs.getString(3), Channel.valueOf(rs.getString(4)));
						if (read != null) {
							changes.add(new Object[] { Dossiers.facts(read.facts()), read.note(), last });
						}
					}
				}
			}
			if (last == after) {
				return;
			}
			try (PreparedStatement update = connection
				.prepareStatement("update dossier_history set facts = ?, note = ? where id = ?")) {
				for (Object[] change : changes) {
					update.setString(1, (String) change[0]);
					update.setString(2, (String) change[1]);
					update.setLong(3, (Long) change[2]);
					update.addBatch();
				}
				update.executeBatch();
			}
			after = last;
		}
	}

	/**
	 * The facts and the officer's words in an old note of the action, or null when the
	 * note has no facts to take out (it stays as it is). {@code channel}: how the dossier
	 * arrived, which receipts did not note.
	 */
	static Read read(String action, String note, Channel channel) {
		String text = note == null ? "" : note;
		Matcher m;
		switch (action) {
			case "RECEIVE":
				m = DUE.matcher(text);
				return m.matches() ? new Read(HistoryFacts.received(channel, instant(m.group(1))), null)
						: new Read(HistoryFacts.received(channel, null), note);
			case "ASSIGN":
				m = ASSIGNEE.matcher(text);
				return m.matches() ? new Read(HistoryFacts.assigned(m.group(1)), m.group(2)) : null;
			case "FORWARD", "SEND_BACK":
				m = TO_STEP.matcher(text);
				return m.matches() ? new Read(HistoryFacts.toStep(Integer.parseInt(m.group(1)), m.group(2)), m.group(3))
						: null;
			case "REQUEST_SUPPLEMENT":
				m = REQUEST.matcher(text);
				return m.matches()
						? new Read(HistoryFacts.supplementRequested(Integer.parseInt(m.group(1)), m.group(2) != null),
								m.group(3))
						: null;
			case "SUPPLEMENT_RECEIVED":
				m = PAUSED.matcher(text);
				return m.matches()
						? new Read(HistoryFacts.supplementReceived(instant(m.group(1)), Long.parseLong(m.group(3)),
								SupplementMode.valueOf(m.group(4)), null, instant(m.group(5))), m.group(6))
						: null;
			case "APOLOGIZE":
				m = MOVED.matcher(text);
				return m.matches()
						? new Read(HistoryFacts.dueMoved(instant(m.group(1)), instant(m.group(2))), m.group(3)) : null;
			case "RECORD_RESULT":
				return note == null || note.isBlank() ? null
						: new Read(HistoryFacts.result(note.length() > 300 ? note.substring(0, 300) : note), null);
			case "RETURN_RESULT":
				m = RETURNED.matcher(text);
				return m.matches() ? new Read(HistoryFacts.returned(ReturnChannel.valueOf(m.group(1))), m.group(2))
						: null;
			default:
				return null;
		}
	}

	private static Instant instant(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

}
