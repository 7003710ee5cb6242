package vn.motcua.it;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.DossierActions;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.DossierQueues;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The officers' queues at a ward of their own (Trung Sơn), with the clock set: each
 * dossier in one queue of an officer only, the most urgent first, with its due time,
 * assignee and working days overdue; the supervisor's list of the ward's overdue
 * dossiers; and the API's list in the same order.
 */
@IntegrationTest
@Import(QueuesIT.Clock.class)
class QueuesIT {

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock queuesClock() {
			return new MutableClock(CalendarFixture.at("2026-12-03T09:00"), ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	static final String WARD = "H56.15.41";

	static final String COUNTER = "trungson.motcua";

	static final String SPECIALIST = "trungson.chuyenvien";

	static final String LEADER = "trungson.lanhdao";

	static final String SUPERVISOR = "samson.giamsat";

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	DossierQueues queues;

	@Autowired
	Officers officers;

	DossierMaker make;

	/** The ward's dossiers, made once for the class: see {@link #receive}. */
	static String e, a, b, c, d;

	@BeforeEach
	void setUp() {
		this.make = new DossierMaker(this.intake, this.actions, this.officers);
		if (e == null) {
			receive();
		}
		this.clock.set(CalendarFixture.at("2026-12-09T10:00"));
	}

	/**
	 * Thursday 3 December 2026, 09:00: E (birth registration, 5 working hours: due 16:00)
	 * goes to the specialist. Monday 7 December: A at 08:00 (due 15:00), B at 08:30 (due
	 * 15:30), C at 09:00 (due 16:00), D at 09:30 (a marriage registration, 3 working
	 * days: due Thursday 09:30). A goes through the specialist to the leader; B and D to
	 * the specialist; C waits for an assignment. Then it is Wednesday 9 December, 10:00:
	 * E is 4 working days overdue, A, B and C 2, D is due within a working day.
	 */
	private void receive() {
		this.clock.set(CalendarFixture.at("2026-12-03T09:00"));
		e = this.make.birth(COUNTER, WARD, new Applicant("Đinh Văn Én", null, "0911000005", null, null));
		this.make.act(COUNTER, e, DossierAction.ASSIGN, SPECIALIST);
		this.clock.set(CalendarFixture.at("2026-12-07T08:00"));
		a = this.make.birth(COUNTER, WARD, new Applicant("Đinh Thị Á", null, null, null, null));
		this.clock.set(CalendarFixture.at("2026-12-07T08:30"));
		b = this.make.birth(COUNTER, WARD, new Applicant("Đinh Văn Bé", null, null, null, null));
		this.clock.set(CalendarFixture.at("2026-12-07T09:00"));
		c = this.make.birth(COUNTER, WARD, new Applicant("Đinh Thị Cúc", null, null, null, null));
		this.clock.set(CalendarFixture.at("2026-12-07T09:30"));
		d = this.make.marriage(COUNTER, WARD, new Applicant("Đinh Văn Dũng", null, null, null, null));
		this.clock.set(CalendarFixture.at("2026-12-07T10:00"));
		this.make.act(COUNTER, a, DossierAction.ASSIGN, SPECIALIST);
		this.make.act(SPECIALIST, a, DossierAction.FORWARD, LEADER);
		this.make.act(COUNTER, b, DossierAction.ASSIGN, SPECIALIST);
		this.make.act(COUNTER, d, DossierAction.ASSIGN, SPECIALIST);
	}

	private static RequestPostProcessor as(String username, String role) {
		return user(username).roles(role);
	}

	private String home(String username, String role) throws Exception {
		return this.mvc.perform(get("/can-bo").with(as(username, role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> queue(String html, String key) {
		return DossierMaker.rowCodes(DossierMaker.element(html, "section", "queue-" + key));
	}

	@Test
	void theLeadersDossierToApproveIsInThatQueueOnlyAndTheOverdueAreMostOverdueFirst() throws Exception {
		String html = home(LEADER, "LEADER");
		assertThat(queue(html, "toApprove")).containsExactly(a);
		assertThat(queue(html, "mine")).isEmpty();
		assertThat(queue(html, "overdue")).containsExactly(e, b, c);
		assertThat(queue(html, "dueSoon")).containsExactly(d);
		assertThat(DossierMaker.rowCodes(html)).as("each dossier in one queue").doesNotHaveDuplicates();
		// what a row says: due time, assignee's full name, working days overdue
		String rowA = row(DossierMaker.element(html, "section", "queue-toApprove"), a);
		assertThat(rowA).contains("07/12/2026 08:00", "07/12/2026 15:00", "Bùi Văn Hùng", "Quá hạn 2 ngày",
				"Đinh Thị Á", "Chờ phê duyệt", "Đăng ký khai sinh");
		String overdue = DossierMaker.element(html, "section", "queue-overdue");
		assertThat(row(overdue, e)).contains("Quá hạn 4 ngày", "Vũ Văn Đức", "03/12/2026 16:00");
		assertThat(row(overdue, c)).contains("Quá hạn 2 ngày", "Chưa giao");
		assertThat(row(DossierMaker.element(html, "section", "queue-dueSoon"), d)).doesNotContain("Quá hạn")
			.contains("10/12/2026 09:30");
		assertThat(html).doesNotContain(SPECIALIST).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
	}

	@Test
	void theCountersDossierToAssignIsThereOnlyAndTheLeadersIsAmongTheOverdue() throws Exception {
		String html = home(COUNTER, "ONE_STOP_OFFICER");
		assertThat(queue(html, "toAssign")).containsExactly(c);
		assertThat(queue(html, "approved")).isEmpty();
		assertThat(queue(html, "toReturn")).isEmpty();
		assertThat(queue(html, "mine")).isEmpty();
		assertThat(queue(html, "overdue")).containsExactly(e, a, b);
		assertThat(queue(html, "dueSoon")).containsExactly(d);
		assertThat(DossierMaker.rowCodes(html)).doesNotHaveDuplicates();
	}

	@Test
	void theSpecialistsOwnDossiersAreMostUrgentFirstAndNotAgainInTheUnitsQueues() throws Exception {
		String html = home(SPECIALIST, "SPECIALIST");
		assertThat(queue(html, "mine")).containsExactly(e, b, d);
		assertThat(queue(html, "overdue")).containsExactly(a, c);
		assertThat(queue(html, "dueSoon")).isEmpty();
		assertThat(DossierMaker.rowCodes(html)).doesNotHaveDuplicates();
		// the same from the service, with the numbers
		List<DossierSummary> mine = this.queues.of(this.make.actor(SPECIALIST), 10).get(0).page().items();
		assertThat(mine).extracting(DossierSummary::overdueDays).containsExactly(4, 2, 0);
		assertThat(mine).extracting(DossierSummary::currentAssigneeName).containsOnly("Vũ Văn Đức");
	}

	@Test
	void theApiListsTheWardMostUrgentFirstWithNamesAndDaysOverdue() throws Exception {
		JsonNode page = Api.json(this.mvc.perform(get("/api/v1/dossiers").param("unit", WARD).with(Api.as(LEADER)))
			.andExpect(status().isOk()));
		List<String> codes = new ArrayList<>();
		List<Integer> days = new ArrayList<>();
		page.get("items").forEach(i -> {
			codes.add(i.get("code").asString());
			days.add(i.get("overdueDays").asInt());
		});
		assertThat(codes).containsExactly(e, a, b, c, d);
		assertThat(days).containsExactly(4, 2, 2, 2, 0);
		assertThat(page.get("items").get(1).get("currentAssigneeName").asString()).isEqualTo("Bùi Văn Hùng");
	}

	@Test
	void aSupervisorFollowsTheWardsOverdueDossiersAndIsNeverToldAnOpenOneIsClosed() throws Exception {
		String html = home(SUPERVISOR, "SUPERVISOR");
		String ward = html.substring(html.indexOf("— Phường Trung Sơn"));
		ward = ward.substring(0, ward.indexOf("</section>"));
		assertThat(DossierMaker.rowCodes(ward)).containsExactly(e, a, b, c);
		assertThat(ward).contains("Quá hạn 4 ngày", "Quá hạn 2 ngày");

		String page = this.mvc.perform(get("/can-bo/ho-so/{code}", c).with(as(SUPERVISOR, "SUPERVISOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Quá hạn", "Đã tiếp nhận")
			.doesNotContainIgnoringCase("đã kết thúc")
			.doesNotContainIgnoringCase("kết thúc, không còn thao tác");
	}

	/** The row of the dossier in the HTML. */
	private static String row(String html, String code) {
		int start = html.indexOf("data-code=\"" + code + "\"");
		assertThat(start).as("row of %s", code).isNotNegative();
		return html.substring(start, html.indexOf("</tr>", start));
	}

}
