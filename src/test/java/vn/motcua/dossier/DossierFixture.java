package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import vn.motcua.calendar.core.CalendarFixture;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.calendar.core.WorkingCalendar;
import vn.motcua.catalog.core.FeeStage;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Role;
import vn.motcua.org.SupplementMode;
import vn.motcua.dossier.core.ProcessPlan;
import vn.motcua.dossier.core.SubmittedComponent;

/**
 * Dossiers and officers for tests: ward W1 on the Vietnamese calendar, a four-step
 * process.
 */
final class DossierFixture {

	static final String UNIT = "H01.01.01";

	static final WorkingCalendar CALENDAR = CalendarFixture.vietnam();

	static final Officer COUNTER = new Officer("motcua", "Cán bộ một cửa", UNIT, Set.of(Role.ONE_STOP_OFFICER), true);

	static final Officer SPECIALIST = new Officer("chuyenvien", "Chuyên viên", UNIT, Set.of(Role.SPECIALIST), true);

	static final Officer OTHER_SPECIALIST = new Officer("chuyenvien2", "Chuyên viên 2", UNIT, Set.of(Role.SPECIALIST),
			true);

	static final Officer LEADER = new Officer("lanhdao", "Lãnh đạo", UNIT, Set.of(Role.LEADER), true);

	static final Officer ELSEWHERE = new Officer("khac", "Chuyên viên phường khác", "H01.01.02",
			Set.of(Role.SPECIALIST, Role.LEADER), true);

	private Instant receivedAt = CalendarFixture.at("2025-03-03T09:00");

	private ProcessingTime committed = ProcessingTime.workingDays(3);

	private SupplementMode supplementMode = SupplementMode.PAUSE_ADDED;

	private DossierFee fee;

	private DossierFixture() {
	}

	/** A fee of the amount, to pay at the stage, not paid yet. */
	DossierFixture fee(long amount, FeeStage stage) {
		this.fee = new DossierFee(amount, stage, null, null, List.of(), null);
		return this;
	}

	static DossierFixture aDossier() {
		return new DossierFixture();
	}

	static Actor actor(Officer officer) {
		return Actor.of(officer);
	}

	static Instant at(String local) {
		return CalendarFixture.at(local);
	}

	DossierFixture receivedAt(String local) {
		this.receivedAt = CalendarFixture.at(local);
		return this;
	}

	DossierFixture committed(ProcessingTime time) {
		this.committed = time;
		return this;
	}

	DossierFixture supplementMode(SupplementMode mode) {
		this.supplementMode = mode;
		return this;
	}

	/** The check of an online submission is due 8 working hours after it came in. */
	static final Duration CHECK_TIME = Duration.ofHours(8);

	/**
	 * Receipt 1 h, processing, the leader's approval 4 h, return 1 h, within the
	 * committed time.
	 */
	Dossier build() {
		return Dossier.receive(UNIT + "-250303-0001", intake(Channel.COUNTER), actor(COUNTER), this.receivedAt,
				CALENDAR);
	}

	/**
	 * The same dossier submitted online at the fixture's time: it waits for the one-stop
	 * officer's check.
	 */
	Dossier submitted() {
		return Dossier.submit(UNIT + "-250303-0001", intake(Channel.ONLINE), "online:an@example.vn", this.receivedAt,
				CALENDAR, CHECK_TIME);
	}

	private Dossier.Intake intake(Channel channel) {
		double total = this.committed.workingHours(8.0);
		List<ProcessPlan.Step> process = List.of(new ProcessPlan.Step("Tiếp nhận", Role.ONE_STOP_OFFICER, 1),
				new ProcessPlan.Step("Thẩm định", Role.SPECIALIST, total - 6),
				new ProcessPlan.Step("Phê duyệt", Role.LEADER, 4),
				new ProcessPlan.Step("Trả kết quả", Role.ONE_STOP_OFFICER, 1));
		Dossier.Intake intake = new Dossier.Intake(UNIT, "1.001193", "Đăng ký khai sinh", 1L, this.committed,
				LocalTime.of(15, 0), channel, new Applicant("Nguyễn Văn A", "038090001234", "0912345678", null, null),
				List.of(new SubmittedComponent("Tờ khai", 1, 0)), process, this.supplementMode, this.fee);
		return intake;
	}

}
