package vn.motcua.dossier;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.org.SupplementMode;
import vn.motcua.shared.Problem;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.InvalidStatusTransition;
import vn.motcua.dossier.core.NotAllowed;
import vn.motcua.dossier.core.Timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.DossierFixture.CALENDAR;
import static vn.motcua.dossier.DossierFixture.COUNTER;
import static vn.motcua.dossier.DossierFixture.ELSEWHERE;
import static vn.motcua.dossier.DossierFixture.LEADER;
import static vn.motcua.dossier.DossierFixture.OTHER_SPECIALIST;
import static vn.motcua.dossier.DossierFixture.SPECIALIST;
import static vn.motcua.dossier.DossierFixture.aDossier;
import static vn.motcua.dossier.DossierFixture.actor;
import static vn.motcua.dossier.DossierFixture.at;

class DossierTest {

	private static void process(Dossier d, String assignAt, String forwardAt, String approveAt) {
		d.assign(actor(COUNTER), SPECIALIST, null, at(assignAt));
		d.forward(actor(SPECIALIST), LEADER, null, at(forwardAt));
		d.approve(actor(LEADER), null, at(approveAt));
	}

	private static String code(Throwable t) {
		return ((Problem) t).code();
	}

	@Test
	void receivedOnTheFridayBeforeTetAt16IsDueAfterTet() {
		Dossier d = aDossier().receivedAt("2025-01-24T16:00").committed(ProcessingTime.workingDays(3)).build();
		assertThat(d.state().status).isEqualTo(DossierStatus.RECEIVED);
		assertThat(d.state().dueAt).isEqualTo(at("2025-02-05T16:00"));
		// the receipt step is done at the counter, on its due day; the specialist's step
		// starts at once
		assertThat(d.state().steps.get(0).verdict()).isEqualTo(Timeliness.ON_TIME);
		assertThat(d.state().steps.get(1).dueAt()).isEqualTo(at("2025-02-05T09:00"));
		assertThat(d.events()).first().isInstanceOf(DossierReceived.class);
	}

	@Test
	void theWholePathEndsReturnedAndEarly() {
		Dossier d = aDossier().build();
		process(d, "2025-03-03T09:10", "2025-03-04T10:00", "2025-03-04T15:00");
		assertThat(d.state().status).isEqualTo(DossierStatus.APPROVED);
		d.recordResult(actor(LEADER), "Giấy khai sinh số 123/2025", at("2025-03-04T15:30"));
		assertThat(d.state().status).isEqualTo(DossierStatus.RESULT_READY);
		assertThat(d.state().timeliness).isEqualTo(Timeliness.EARLY);
		d.returnResult(actor(COUNTER), ReturnChannel.COUNTER, null, at("2025-03-06T08:00"));
		assertThat(d.state().status).isEqualTo(DossierStatus.RETURNED);
		assertThat(d.state().steps).allMatch(DossierStep::isDone);
		assertThat(d.newHistory()).extracting(HistoryEntry::action)
			.containsExactly("RECEIVE", "ASSIGN", "FORWARD", "APPROVE", "RECORD_RESULT", "RETURN_RESULT");
		assertThat(d.events()).filteredOn(DossierResolved.class::isInstance).hasSize(1);
	}

	@Test
	void handingAStepToAnotherOfficerIsAnEventTakingItOneselfIsNot() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		d.forward(actor(SPECIALIST), LEADER, null, at("2025-03-04T10:00"));
		assertThat(d.events()).filteredOn(StepAssigned.class::isInstance)
			.map(StepAssigned.class::cast)
			.extracting(StepAssigned::step, StepAssigned::assignee, StepAssigned::by)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "chuyenvien", "motcua"),
					org.assertj.core.groups.Tuple.tuple(3, "lanhdao", "chuyenvien"));
		// a leader who forwards the dossier to themselves is told nothing
		Dossier self = aDossier().build();
		self.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		self.forward(actor(LEADER), LEADER, null, at("2025-03-04T10:00"));
		assertThat(self.events()).filteredOn(StepAssigned.class::isInstance).hasSize(1);
	}

	@Test
	void aSupplementRequestAndAnApologyCarryWhatTheApplicantIsToldOf() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		d.requestSupplement(actor(SPECIALIST), "  Bản sao giấy chứng sinh ", at("2025-03-03T10:00"));
		assertThat(d.events()).filteredOn(SupplementRequested.class::isInstance)
			.singleElement()
			.isEqualTo(new SupplementRequested(d.code(), d.unitCode(), "Bản sao giấy chứng sinh", 1,
					at("2025-03-03T10:00")));
		Dossier late = aDossier().build();
		late.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		java.time.Instant due = late.state().dueAt;
		late.apologize(actor(LEADER), "Chờ xác minh", at("2025-03-10T09:00"), at("2025-03-03T10:00"), CALENDAR);
		assertThat(late.events()).filteredOn(DossierApologized.class::isInstance)
			.singleElement()
			.isEqualTo(new DossierApologized(late.code(), late.unitCode(), "Chờ xác minh", due, at("2025-03-10T09:00"),
					at("2025-03-03T10:00")));
	}

	@Test
	void aResultOnTheDueDayBeforeTheDueTimeIsOnTime() {
		Dossier d = aDossier().build();
		process(d, "2025-03-03T09:10", "2025-03-05T10:00", "2025-03-06T08:00");
		d.recordResult(actor(LEADER), "KQ", at("2025-03-06T08:30"));
		assertThat(d.state().dueAt).isEqualTo(at("2025-03-06T09:00"));
		assertThat(d.state().timeliness).isEqualTo(Timeliness.ON_TIME);
	}

	@Test
	void aResultAfterTheDueTimeIsLateAndEachStepHasItsVerdict() {
		Dossier d = aDossier().build();
		process(d, "2025-03-03T09:10", "2025-03-06T10:00", "2025-03-07T08:00");
		d.recordResult(actor(LEADER), "KQ", at("2025-03-07T08:30"));
		assertThat(d.state().timeliness).isEqualTo(Timeliness.LATE);
		assertThat(d.state().steps.get(1).verdict()).isEqualTo(Timeliness.LATE);
	}

	@Test
	void openDossiersAreOverdueOnlyPastTheirDueTime() {
		Dossier d = aDossier().build();
		assertThat(d.isOverdue(at("2025-03-06T08:59"))).isFalse();
		assertThat(d.isOverdue(at("2025-03-06T09:01"))).isTrue();
	}

	@Test
	void onlyTheAssigneeOrALeaderMayForward() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		assertThatThrownBy(() -> d.forward(actor(OTHER_SPECIALIST), null, null, at("2025-03-03T10:00")))
			.isInstanceOf(NotAllowed.class);
		d.forward(actor(LEADER), null, "lãnh đạo chuyển thay", at("2025-03-03T10:00"));
		assertThat(d.state().status).isEqualTo(DossierStatus.AWAITING_APPROVAL);
	}

	@Test
	void anOfficerOfAnotherUnitDoesNotSeeTheDossier() {
		Dossier d = aDossier().build();
		assertThatThrownBy(() -> d.assign(actor(ELSEWHERE), SPECIALIST, null, at("2025-03-03T09:10")))
			.isInstanceOf(DossierNotFound.class);
		assertThatThrownBy(() -> d.assign(actor(COUNTER), ELSEWHERE, null, at("2025-03-03T09:10")))
			.matches(t -> code(t).equals("ASSIGNEE_INVALID"));
	}

	@Test
	void onlyALeaderApproves() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		d.forward(actor(SPECIALIST), LEADER, null, at("2025-03-03T10:00"));
		assertThatThrownBy(() -> d.approve(actor(SPECIALIST), null, at("2025-03-03T11:00")))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> d.forward(actor(LEADER), null, null, at("2025-03-03T11:00")))
			.isInstanceOf(InvalidStatusTransition.class);
	}

	@Test
	void theAdministratorSeesButDoesNotApprove() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		d.forward(actor(SPECIALIST), LEADER, null, at("2025-03-03T10:00"));
		vn.motcua.org.Actor admin = vn.motcua.org.Actor.administrator("admin");
		assertThat(d.allowedActions(admin, at("2025-03-03T11:00"), CALENDAR)).isEmpty();
		assertThatThrownBy(() -> d.approve(admin, null, at("2025-03-03T11:00"))).isInstanceOf(NotAllowed.class);
	}

	@Test
	void sendBackReopensThePreviousStep() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		d.forward(actor(SPECIALIST), LEADER, null, at("2025-03-03T10:00"));
		assertThatThrownBy(() -> d.sendBack(actor(LEADER), " ", at("2025-03-03T11:00")))
			.matches(t -> ((Problem) t).violations().get(0).field().equals("note"));
		d.sendBack(actor(LEADER), "Thiếu xác minh", at("2025-03-03T11:00"));
		assertThat(d.state().status).isEqualTo(DossierStatus.IN_PROCESSING);
		assertThat(d.state().steps.get(1).isDone()).isFalse();
		assertThat(d.state().steps.get(1).assignee()).isEqualTo("chuyenvien");
	}

	@Test
	void supplementInModeAAddsThePauseToTheDueTime() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		d.requestSupplement(actor(SPECIALIST), "Bổ sung giấy chứng sinh", at("2025-03-04T09:00"));
		assertThat(d.state().status).isEqualTo(DossierStatus.WAITING_FOR_SUPPLEMENT);
		assertThat(d.isOverdue(at("2025-03-20T09:00"))).isFalse();
		// paused Tuesday 09:00 to Thursday 09:00: two working days added to the due time
		d.supplementReceived(actor(COUNTER), null, at("2025-03-06T09:00"), CALENDAR);
		assertThat(d.state().status).isEqualTo(DossierStatus.IN_PROCESSING);
		assertThat(d.state().dueAt).isEqualTo(at("2025-03-10T09:00"));
	}

	@Test
	void supplementInModeBRestartsTheFullTime() {
		Dossier d = aDossier().supplementMode(SupplementMode.RESTART).build();
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		d.requestSupplement(actor(SPECIALIST), "Bổ sung giấy chứng sinh", at("2025-03-04T09:00"));
		d.supplementReceived(actor(COUNTER), null, at("2025-03-06T14:00"), CALENDAR);
		// three working days from Thursday 14:00
		assertThat(d.state().dueAt).isEqualTo(at("2025-03-11T14:00"));
		// the specialist's 18 h from Thursday 14:00: 3 h, Friday 8 h, Monday 7 h
		assertThat(d.state().steps.get(1).dueAt()).isEqualTo(at("2025-03-10T16:00"));
	}

	@Test
	void aSecondSupplementRequestMakesTheDossierLate() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		d.requestSupplement(actor(SPECIALIST), "lần 1", at("2025-03-03T10:00"));
		d.supplementReceived(actor(COUNTER), null, at("2025-03-03T11:00"), CALENDAR);
		d.requestSupplement(actor(SPECIALIST), "lần 2", at("2025-03-03T14:00"));
		assertThat(d.state().forcedLate).isTrue();
		d.supplementReceived(actor(COUNTER), null, at("2025-03-03T15:00"), CALENDAR);
		assertThat(d.isOverdue(at("2025-03-03T15:01"))).isTrue();
		d.forward(actor(SPECIALIST), LEADER, null, at("2025-03-03T16:00"));
		d.approve(actor(LEADER), null, at("2025-03-03T16:30"));
		d.recordResult(actor(LEADER), "KQ", at("2025-03-03T16:45"));
		assertThat(d.state().timeliness).isEqualTo(Timeliness.LATE);
	}

	@Test
	void aSecondApologyIsRefused() {
		Dossier d = aDossier().build();
		d.apologize(actor(LEADER), "Cần xác minh thêm", at("2025-03-13T17:00"), at("2025-03-04T09:00"), CALENDAR);
		assertThat(d.state().dueAt).isEqualTo(at("2025-03-13T17:00"));
		assertThatThrownBy(
				() -> d.apologize(actor(LEADER), "Lần nữa", at("2025-03-20T17:00"), at("2025-03-05T09:00"), CALENDAR))
			.matches(t -> code(t).equals("APOLOGY_ALREADY_GIVEN"));
		assertThat(d.state().dueAt).isEqualTo(at("2025-03-13T17:00"));
	}

	@Test
	void anApologyLessThanAWorkingDayBeforeTheDueTimeIsRefused() {
		Dossier d = aDossier().build();
		// due Thursday 6 March 09:00; Wednesday 10:00 leaves 7 working hours
		assertThatThrownBy(
				() -> d.apologize(actor(LEADER), "Muộn", at("2025-03-13T17:00"), at("2025-03-05T10:00"), CALENDAR))
			.matches(t -> code(t).equals("APOLOGY_TOO_LATE"));
		// exactly one working day before is allowed
		d.apologize(actor(LEADER), "Đúng lúc", at("2025-03-13T17:00"), at("2025-03-05T09:00"), CALENDAR);
		assertThat(d.state().apologies).isEqualTo(1);
	}

	@Test
	void anApologyNeedsAReasonAndALaterDueTime() {
		Dossier d = aDossier().build();
		assertThatThrownBy(
				() -> d.apologize(actor(LEADER), null, at("2025-03-13T17:00"), at("2025-03-04T09:00"), CALENDAR))
			.matches(t -> ((Problem) t).violations().get(0).field().equals("reason"));
		assertThatThrownBy(
				() -> d.apologize(actor(LEADER), "x", at("2025-03-05T17:00"), at("2025-03-04T09:00"), CALENDAR))
			.matches(t -> ((Problem) t).violations().get(0).field().equals("newDueAt"));
	}

	@Test
	void stopWithdrawAndRefuseEndTheDossier() {
		Dossier stopped = aDossier().build();
		stopped.stop(actor(COUNTER), "Công dân đề nghị dừng", at("2025-03-04T09:00"));
		assertThat(stopped.state().status).isEqualTo(DossierStatus.STOPPED);
		assertThat(stopped.state().timeliness).isEqualTo(Timeliness.EARLY);
		assertThatThrownBy(() -> stopped.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-04T10:00")))
			.isInstanceOf(InvalidStatusTransition.class);

		Dossier withdrawn = aDossier().build();
		withdrawn.withdraw(actor(COUNTER), null, at("2025-03-04T09:00"));
		assertThat(withdrawn.state().status).isEqualTo(DossierStatus.WITHDRAWN);

		Dossier refused = aDossier().build();
		refused.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		assertThatThrownBy(() -> refused.refuse(actor(SPECIALIST), "Không đủ điều kiện", at("2025-03-04T09:00")))
			.isInstanceOf(NotAllowed.class);
		refused.refuse(actor(LEADER), "Không đủ điều kiện", at("2025-03-04T09:00"));
		assertThat(refused.state().status).isEqualTo(DossierStatus.REFUSED);
	}

	@Test
	void aResultCannotBeStoppedOrReturnedTwice() {
		Dossier d = aDossier().build();
		process(d, "2025-03-03T09:10", "2025-03-04T10:00", "2025-03-04T15:00");
		d.recordResult(actor(LEADER), "KQ", at("2025-03-04T15:30"));
		assertThatThrownBy(() -> d.stop(actor(COUNTER), null, at("2025-03-04T16:00")))
			.isInstanceOf(InvalidStatusTransition.class);
		d.returnResult(actor(COUNTER), ReturnChannel.ELECTRONIC, null, at("2025-03-04T16:00"));
		assertThatThrownBy(() -> d.returnResult(actor(COUNTER), ReturnChannel.COUNTER, null, at("2025-03-04T16:30")))
			.isInstanceOf(InvalidStatusTransition.class);
	}

	@Test
	void timelinessJudgesByDayAndTime() {
		Instant due = at("2025-03-06T09:00");
		assertThat(Timeliness.judge(at("2025-03-05T23:59"), due, CALENDAR.ZONE)).isEqualTo(Timeliness.EARLY);
		assertThat(Timeliness.judge(at("2025-03-06T00:00"), due, CALENDAR.ZONE)).isEqualTo(Timeliness.ON_TIME);
		assertThat(Timeliness.judge(at("2025-03-06T09:00"), due, CALENDAR.ZONE)).isEqualTo(Timeliness.ON_TIME);
		assertThat(Timeliness.judge(at("2025-03-06T09:01"), due, CALENDAR.ZONE)).isEqualTo(Timeliness.LATE);
	}

}
