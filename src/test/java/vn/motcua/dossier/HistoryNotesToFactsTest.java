package vn.motcua.dossier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.motcua.org.SupplementMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notes the aggregate wrote before its facts were data, read again as facts and the
 * officer's own words; and the two Java migrations on a database that has such rows.
 */
class HistoryNotesToFactsTest {

	@Test
	void aReceiptsDueTimeAndChannel() {
		HistoryNotesToFacts.Read read = HistoryNotesToFacts.read("RECEIVE", "due 2026-12-03T08:30+07:00",
				Channel.COUNTER);
		assertThat(read.facts())
			.isEqualTo(HistoryFacts.received(Channel.COUNTER, Instant.parse("2026-12-03T01:30:00Z")));
		assertThat(read.note()).isNull();
	}

	@Test
	void anAssignmentAndItsNote() {
		HistoryNotesToFacts.Read read = HistoryNotesToFacts.read("ASSIGN", "assignee quangcu.chuyenvien — Xử lý gấp",
				Channel.COUNTER);
		assertThat(read.facts().assignee()).isEqualTo("quangcu.chuyenvien");
		assertThat(read.note()).isEqualTo("Xử lý gấp");
		assertThat(HistoryNotesToFacts.read("ASSIGN", "assignee quangcu.chuyenvien", Channel.COUNTER).note()).isNull();
	}

	@Test
	void aHandOverWithOrWithoutItsAssignee() {
		HistoryNotesToFacts.Read read = HistoryNotesToFacts.read("FORWARD",
				"to step 3 (quangcu.lanhdao) — Đủ điều kiện", Channel.COUNTER);
		assertThat(read.facts()).isEqualTo(HistoryFacts.toStep(3, "quangcu.lanhdao"));
		assertThat(read.note()).isEqualTo("Đủ điều kiện");
		read = HistoryNotesToFacts.read("SEND_BACK", "to step 2 — Thiếu chữ ký\nở trang 2", Channel.COUNTER);
		assertThat(read.facts()).isEqualTo(HistoryFacts.toStep(2, null));
		assertThat(read.note()).isEqualTo("Thiếu chữ ký\nở trang 2");
	}

	@Test
	void supplementsAndApologies() {
		HistoryNotesToFacts.Read request = HistoryNotesToFacts.read("REQUEST_SUPPLEMENT",
				"request 2 (late: more than one request) — Bổ sung giấy chứng sinh", Channel.COUNTER);
		assertThat(request.facts()).isEqualTo(HistoryFacts.supplementRequested(2, true));
		assertThat(request.note()).isEqualTo("Bổ sung giấy chứng sinh");
		HistoryNotesToFacts.Read received = HistoryNotesToFacts.read("SUPPLEMENT_RECEIVED",
				"paused from 2026-12-07T09:30+07:00 to 2026-12-08T14:00+07:00 (720 working minutes),"
						+ " PAUSE_ADDED: due 2026-12-09T10:00:15+07:00",
				Channel.ONLINE);
		assertThat(received.facts()).isEqualTo(HistoryFacts.supplementReceived(Instant.parse("2026-12-07T02:30:00Z"),
				720, SupplementMode.PAUSE_ADDED, null, Instant.parse("2026-12-09T03:00:15Z")));
		HistoryNotesToFacts.Read apology = HistoryNotesToFacts.read("APOLOGIZE",
				"due 2025-03-07T09:00+07:00 → 2025-03-13T17:00+07:00 — Chờ xác minh", Channel.COUNTER);
		assertThat(apology.facts()).isEqualTo(
				HistoryFacts.dueMoved(Instant.parse("2025-03-07T02:00:00Z"), Instant.parse("2025-03-13T10:00:00Z")));
		assertThat(apology.note()).isEqualTo("Chờ xác minh");
	}

	@Test
	void resultsAndReturns() {
		assertThat(HistoryNotesToFacts.read("RECORD_RESULT", "Giấy khai sinh số 88/2026", Channel.COUNTER))
			.isEqualTo(new HistoryNotesToFacts.Read(HistoryFacts.result("Giấy khai sinh số 88/2026"), null));
		assertThat(HistoryNotesToFacts.read("RETURN_RESULT", "COUNTER", Channel.COUNTER))
			.isEqualTo(new HistoryNotesToFacts.Read(HistoryFacts.returned(ReturnChannel.COUNTER), null));
		assertThat(HistoryNotesToFacts.read("RETURN_RESULT", "POST — Gửi bảo đảm", Channel.COUNTER))
			.isEqualTo(new HistoryNotesToFacts.Read(HistoryFacts.returned(ReturnChannel.POST), "Gửi bảo đảm"));
	}

	@Test
	void notesOfAnotherShapeStayAsTheyAre() {
		assertThat(HistoryNotesToFacts.read("APPROVE", "Đồng ý", Channel.COUNTER)).isNull();
		assertThat(HistoryNotesToFacts.read("ASSIGN", "giao gấp", Channel.COUNTER)).isNull();
		assertThat(HistoryNotesToFacts.read("REFUSE", "Không thuộc thẩm quyền", Channel.COUNTER)).isNull();
	}

	@Test
	void theMigrationsFillTheFoldedNamesAndTurnTheOldNotesIntoFacts() throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:h2:mem:notes-" + UUID.randomUUID(), "sa", "");
				Statement s = c.createStatement()) {
			s.execute("create table dossier (id bigint primary key, channel varchar(10), applicant_name varchar(200),"
					+ " applicant_name_folded varchar(200))");
			s.execute("create table dossier_history (id bigint primary key, dossier_id bigint, action varchar(30),"
					+ " note varchar(4000), facts varchar(4000))");
			for (int i = 1; i <= 1_200; i++) {
				s.execute("insert into dossier values (" + i + ", 'COUNTER', 'Nguyễn Văn Ấn " + i + "', null)");
			}
			s.execute("insert into dossier_history values (1, 1, 'RECEIVE', 'due 2026-12-03T08:30+07:00', null)");
			s.execute("insert into dossier_history values (2, 1, 'ASSIGN', 'assignee quangcu.chuyenvien', null)");
			s.execute("insert into dossier_history values (3, 1, 'APPROVE', 'Đồng ý', null)");
			s.execute("insert into dossier_history values (4, 2, 'RETURN_RESULT', 'COUNTER — Đã ký nhận', null)");

			FoldApplicantNames.fill(c);
			HistoryNotesToFacts.migrate(c);

			try (ResultSet rs = s.executeQuery(
					"select count(*) from dossier where applicant_name_folded = 'nguyen van an ' || cast(id as varchar)")) {
				rs.next();
				assertThat(rs.getInt(1)).isEqualTo(1_200);
			}
			List<String> rows = new ArrayList<>();
			try (ResultSet rs = s.executeQuery("select action, note, facts from dossier_history order by id")) {
				while (rs.next()) {
					rows.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3));
				}
			}
			assertThat(rows).containsExactly(
					"RECEIVE | null | {\"dueAt\":\"2026-12-03T01:30:00Z\",\"channel\":\"COUNTER\"}",
					"ASSIGN | null | {\"assignee\":\"quangcu.chuyenvien\"}", "APPROVE | Đồng ý | null",
					"RETURN_RESULT | Đã ký nhận | {\"returnChannel\":\"COUNTER\"}");
			assertThat(Dossiers.facts("{\"dueAt\":\"2026-12-03T01:30:00Z\",\"channel\":\"COUNTER\"}"))
				.isEqualTo(HistoryFacts.received(Channel.COUNTER, Instant.parse("2026-12-03T01:30:00Z")));
		}
	}

}
