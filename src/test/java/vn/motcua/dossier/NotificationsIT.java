package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.calendar.Calendars;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.it.IntegrationTest;
import vn.motcua.it.MutableClock;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages a dossier's life writes to the outbox (ADR 16), read back from the table:
 * to the applicant by e-mail and SMS, to the officer handed a step, and the sweep of
 * steps coming due; each once, however often its event is delivered or the sweep runs. In
 * the dossier's package to run the sweep ({@link StepReminders}) when the test says; its
 * schedule is off here. The clock is set: Monday 2 March 2026, 09:00 in Vietnam, a
 * working week without holidays.
 */
@IntegrationTest
@Import(NotificationsIT.Clock.class)
@TestPropertySource(properties = { "motcua.notify.step-due-enabled=false", "motcua.web.base-url=https://motcua.test/" })
class NotificationsIT {

	static final Instant MONDAY_9 = Instant.parse("2026-03-02T02:00:00Z");

	@TestConfiguration
	static class Clock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(MONDAY_9, ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

	static final String WARD = "H56.15.40";

	@Autowired
	DossierIntake intake;

	@Autowired
	DossierActions actions;

	@Autowired
	Officers officers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	StepReminders reminders;

	@Autowired
	Dossiers dossiers;

	@Autowired
	Calendars calendars;

	@Autowired
	DossierNotices notices;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	record Row(String channel, String recipient, String subject, String body) {
	}

	private Actor actor(String username) {
		return Actor.of(this.officers.find(username).orElseThrow());
	}

	/** A marriage registration (3 working days) with the applicant's e-mail and phone. */
	private DossierView marriage(String email, String phone) {
		this.clock.set(MONDAY_9);
		return this.intake
			.intake(actor("quangcu.motcua"),
					new DossierIntake.IntakeRequest(WARD, "1.000894", Channel.COUNTER,
							new Applicant("Phạm Thị Hằng", "038090007777", phone, email, null),
							List.of(new SubmittedComponent("Tờ khai đăng ký kết hôn", 1, 0), new SubmittedComponent(
									"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", 1, 0)),
							false, null),
					List.of())
			.dossier();
	}

	private DossierView act(String username, String code, DossierAction action, String assignee, String note,
			String reason, Instant newDue, String resultRef) {
		return this.actions.act(actor(username), code, action,
				new DossierActions.ActionRequest(assignee, note, reason, newDue, resultRef, null, null));
	}

	/** The messages about the dossier to the recipient, oldest first. */
	private List<Row> messages(String recipient, String code) {
		return this.jdbc
			.sql("select channel, recipient, subject, body from notification_outbox where recipient = ?"
					+ " and (subject like ? or body like ?) order by id")
			.params(recipient, "%" + code + "%", "%" + code + "%")
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	private List<Row> awaitMessages(String recipient, String code, int count) throws InterruptedException {
		awaitTrue(() -> messages(recipient, code).size() >= count);
		return messages(recipient, code);
	}

	@Test
	void theApplicantIsToldTheCodeTheDueTimeAndTheLookUpLinkByEmailAndSms() throws Exception {
		DossierView d = marriage("hang.pham@example.vn", "0912000111");
		// received Monday 09:00, three working days: due Thursday 09:00
		assertThat(d.dueAt()).isEqualTo(Instant.parse("2026-03-05T02:00:00Z"));

		Row email = awaitMessages("hang.pham@example.vn", d.code(), 1).get(0);
		assertThat(email.channel()).isEqualTo("EMAIL");
		assertThat(email.subject()).isEqualTo("Hồ sơ " + d.code() + " đã được tiếp nhận");
		assertThat(email.body()).contains("Kính gửi Phạm Thị Hằng", "Phường Quảng Cư", "Đăng ký kết hôn",
				"Mã hồ sơ: " + d.code(), "Ngày hẹn trả kết quả: 05/03/2026 09:00",
				"https://motcua.test/tra-cuu?code=" + d.code());
		assertThat(email.body()).doesNotContain("2026-03-05T", "{");

		Row sms = awaitMessages("0912000111", d.code(), 1).get(0);
		assertThat(sms.channel()).isEqualTo("SMS");
		assertThat(sms.body()).contains(d.code(), "05/03/2026 09:00", "https://motcua.test/tra-cuu?code=" + d.code());
		// no gateway is configured: the SMS waits in the outbox
		assertThat(this.jdbc.sql("select count(*) from notification_outbox where recipient = ? and sent_at is null")
			.param("0912000111")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aSupplementRequestSaysWhatToAddAndAnApologyTheNewDateAndTheReason() throws Exception {
		DossierView d = marriage("supplement.apology@example.vn", null);
		act("quangcu.motcua", d.code(), DossierAction.ASSIGN, "quangcu.chuyenvien", null, null, null, null);
		act("quangcu.chuyenvien", d.code(), DossierAction.REQUEST_SUPPLEMENT, null,
				"Bản sao giấy xác nhận tình trạng hôn nhân của người chồng", null, null, null);
		Row supplement = awaitMessages("supplement.apology@example.vn", d.code(), 2).get(1);
		assertThat(supplement.subject()).isEqualTo("Hồ sơ " + d.code() + ": cần bổ sung giấy tờ");
		assertThat(supplement.body()).contains("Bản sao giấy xác nhận tình trạng hôn nhân của người chồng",
				"Bộ phận Một cửa Phường Quảng Cư", "tạm dừng");

		act("quangcu.motcua", d.code(), DossierAction.SUPPLEMENT_RECEIVED, null, null, null, null, null);
		// a leader's apology names its new due time (Monday 9 March, 16:00)
		Instant newDue = Instant.parse("2026-03-09T09:00:00Z");
		act("quangcu.lanhdao", d.code(), DossierAction.APOLOGIZE, null, null, "Chờ xác minh của phường khác", newDue,
				null);
		Row apology = awaitMessages("supplement.apology@example.vn", d.code(), 3).get(2);
		assertThat(apology.subject()).contains("xin lỗi", "09/03/2026 16:00");
		assertThat(apology.body()).contains("Lý do: Chờ xác minh của phường khác",
				"Ngày hẹn trả kết quả mới: 09/03/2026 16:00");
	}

	@Test
	void theAssigneeIsToldOfTheStepAndTheApplicantWhereToCollectTheResult() throws Exception {
		DossierView d = marriage("result.ready@example.vn", null);
		act("quangcu.motcua", d.code(), DossierAction.ASSIGN, "quangcu.chuyenvien", null, null, null, null);
		Row assigned = awaitMessages("quangcu.chuyenvien@motcua.example.vn", d.code(), 1).get(0);
		assertThat(assigned.subject()).startsWith("Hồ sơ " + d.code() + ": đồng chí được giao bước 2");
		assertThat(assigned.body()).contains("Đồng chí Lê Văn Nam", "Nguyễn Thị Hoa đã giao", "Thẩm định, xử lý hồ sơ",
				"Đăng ký kết hôn", "https://motcua.test/can-bo/ho-so/" + d.code());

		act("quangcu.chuyenvien", d.code(), DossierAction.FORWARD, "quangcu.lanhdao", null, null, null, null);
		awaitMessages("quangcu.lanhdao@motcua.example.vn", d.code(), 1);
		act("quangcu.lanhdao", d.code(), DossierAction.APPROVE, null, null, null, null, null);
		act("quangcu.lanhdao", d.code(), DossierAction.RECORD_RESULT, null, null, null, null, "GCNKH-01");
		Row result = awaitMessages("result.ready@example.vn", d.code(), 2).get(1);
		assertThat(result.subject()).isEqualTo("Hồ sơ " + d.code() + " đã có kết quả");
		assertThat(result.body()).contains("Bộ phận Một cửa Phường Quảng Cư", "đường Thanh Niên, thành phố Sầm Sơn",
				"07:00–11:30 và 13:30–17:00");
		// the counter officer received the dossier themselves: no message to them
		assertThat(messages("quangcu.motcua@motcua.example.vn", d.code())).isEmpty();
	}

	@Test
	void anEventDeliveredTwiceWritesEachMessageOnce() throws Exception {
		DossierView d = marriage("twice@example.vn", "0912000222");
		awaitMessages("twice@example.vn", d.code(), 1);
		awaitMessages("0912000222", d.code(), 1);
		// the same event delivered again, twice (as the registry does after a crash that
		// lost a listener's completion): two more deliveries, no more messages. One
		// after the other, each once the one before has ended: Spring Modulith keeps a
		// publication in progress under its event and listener, so two equal events in
		// flight at once share one entry and leave a row behind until the next restart
		// republishes it (harmless, the listeners being idempotent, but the wait below
		// would never end)
		DossierReceived again = new DossierReceived(d.code(), WARD, "1.000894", Channel.COUNTER, d.receivedAt(),
				d.dueAt());
		for (int delivery = 0; delivery <= 2; delivery++) {
			if (delivery > 0) {
				this.transaction.executeWithoutResult(status -> this.events.publishEvent(again));
			}
			awaitTrue(() -> this.jdbc.sql("select count(*) from event_publication where serialized_event like ?")
				.param("%" + d.code() + "%")
				.query(Long.class)
				.single() == 0);
		}
		assertThat(messages("twice@example.vn", d.code())).hasSize(1);
		assertThat(messages("0912000222", d.code())).hasSize(1);
	}

	@Test
	void theHolderOfAStepIsRemindedOnceWhenItComesDueOnEveryInstance() throws Exception {
		DossierView d = marriage(null, null);
		act("quangcu.motcua", d.code(), DossierAction.ASSIGN, "quangcu.chuyenvien2", null, null, null, null);
		// the specialist's step is due Wednesday 15:00 (20 working hours after the
		// receipt)
		assertThat(this.dossiers.find(d.code()).orElseThrow().currentStep().dueAt())
			.isEqualTo(Instant.parse("2026-03-04T08:00:00Z"));
		String officer = "quangcu.chuyenvien2@motcua.example.vn";
		awaitMessages(officer, d.code(), 1);

		// Wednesday 08:30: more than 4 working hours ahead, nothing
		this.clock.set(Instant.parse("2026-03-04T01:30:00Z"));
		this.reminders.remind();
		assertThat(messages(officer, d.code())).hasSize(1);

		// Wednesday 10:00: within 4 working hours; two instances sweep at once
		this.clock.set(Instant.parse("2026-03-04T03:00:00Z"));
		StepReminders other = new StepReminders(this.dossiers, this.calendars, this.notices, this.clock,
				Duration.ofHours(4), true);
		CompletableFuture<Integer> one = CompletableFuture.supplyAsync(this.reminders::remind);
		CompletableFuture<Integer> two = CompletableFuture.supplyAsync(other::remind);
		one.get();
		two.get();
		List<Row> rows = messages(officer, d.code());
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).subject()).isEqualTo("Hồ sơ " + d.code() + ": bước 2 sắp đến hạn (04/03/2026 15:00)");
		assertThat(rows.get(1).body()).contains("Đồng chí Phạm Thị Lan", "Thẩm định, xử lý hồ sơ",
				"sẽ đến hạn lúc 04/03/2026 15:00");

		// Thursday: past due, swept again: the step was reminded already
		this.clock.set(Instant.parse("2026-03-05T03:00:00Z"));
		this.reminders.remind();
		assertThat(messages(officer, d.code())).hasSize(2);
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

}
