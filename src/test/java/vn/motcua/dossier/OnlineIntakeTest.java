package vn.motcua.dossier;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.InvalidStatusTransition;
import vn.motcua.dossier.core.NotAllowed;
import vn.motcua.dossier.core.SubmittedComponent;
import vn.motcua.dossier.core.Timeliness;
import vn.motcua.org.SupplementMode;
import vn.motcua.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.DossierFixture.CALENDAR;
import static vn.motcua.dossier.DossierFixture.CHECK_TIME;
import static vn.motcua.dossier.DossierFixture.COUNTER;
import static vn.motcua.dossier.DossierFixture.LEADER;
import static vn.motcua.dossier.DossierFixture.SPECIALIST;
import static vn.motcua.dossier.DossierFixture.aDossier;
import static vn.motcua.dossier.DossierFixture.actor;
import static vn.motcua.dossier.DossierFixture.at;

/**
 * An online submission waits for the one-stop officer's check (ADR 15): it is received,
 * and its due time counts, only from the officer's acceptance.
 */
class OnlineIntakeTest {

	private static final List<SubmittedComponent> FORM = List.of(new SubmittedComponent("Giấy chứng sinh", 1, 0));

	@Test
	void aSubmissionWaitsForTheCheckWithItsOwnDueTimeAndNoLegalOne() {
		Dossier d = aDossier().receivedAt("2025-03-03T09:00").submitted();
		assertThat(d.state().status).isEqualTo(DossierStatus.AWAITING_INTAKE);
		assertThat(d.state().receivedAt).isNull();
		assertThat(d.state().dueAt).isNull();
		assertThat(d.state().submittedAt).isEqualTo(at("2025-03-03T09:00"));
		// 8 working hours: the rest of Monday (6 h), then Tuesday 07:00 + 2 h
		assertThat(d.state().intakeDueAt).isEqualTo(at("2025-03-04T09:00"));
		assertThat(d.currentAssignee()).isNull();
		assertThat(d.isOverdue(at("2025-03-04T08:59"))).isFalse();
		assertThat(d.isOverdue(at("2025-03-04T09:01"))).as("the check is late").isTrue();
		assertThat(d.events()).singleElement().isInstanceOf(OnlineDossierSubmitted.class);
		assertThat(d.newHistory()).extracting(HistoryEntry::action).containsExactly("SUBMIT");
		// the facts as data, no words in the note; by the applicant
		HistoryEntry submitted = d.newHistory().get(0);
		assertThat(submitted.note()).isNull();
		assertThat(submitted.facts().checkDueAt()).isEqualTo(at("2025-03-04T09:00"));
		assertThat(submitted.facts().channel()).isEqualTo(Channel.ONLINE);
	}

	@Test
	void theDueTimeCountsFromTheAcceptanceAndTheCheckStepHasItsVerdict() {
		Dossier d = aDossier().receivedAt("2025-03-03T09:00").committed(ProcessingTime.workingDays(3)).submitted();
		Instant accepted = at("2025-03-05T10:00");
		d.accept(actor(COUNTER), null, accepted, CALENDAR, SupplementMode.RESTART);
		assertThat(d.state().status).isEqualTo(DossierStatus.RECEIVED);
		assertThat(d.state().receivedAt).isEqualTo(accepted);
		assertThat(d.state().dueAt)
			.isEqualTo(CALENDAR.dueAt(accepted, ProcessingTime.workingDays(3), LocalTime.of(15, 0)))
			.isEqualTo(at("2025-03-10T10:00"));
		assertThat(d.state().originalDueAt).isEqualTo(d.state().dueAt);
		assertThat(d.state().intakeDueAt).isNull();
		assertThat(d.state().supplementMode).as("the mode of the day it is received").isEqualTo(SupplementMode.RESTART);
		// the check was due Tuesday 09:00 and came Wednesday: the receipt step is late
		DossierStep check = d.state().steps.get(0);
		assertThat(check.completedBy()).isEqualTo(COUNTER.username());
		assertThat(check.verdict()).isEqualTo(Timeliness.LATE);
		assertThat(d.state().currentStep).isEqualTo(1);
		assertThat(d.state().steps.get(1).startedAt()).isEqualTo(accepted);
		HistoryEntry accept = d.newHistory().get(d.newHistory().size() - 1);
		assertThat(accept.action()).isEqualTo("ACCEPT");
		assertThat(accept.note()).isNull();
		assertThat(accept.facts()).isEqualTo(HistoryFacts.received(Channel.ONLINE, at("2025-03-10T10:00")));
		assertThat(d.events()).filteredOn(DossierReceived.class::isInstance)
			.singleElement()
			.matches(e -> ((DossierReceived) e).receivedAt().equals(accepted)
					&& ((DossierReceived) e).channel() == Channel.ONLINE);
		// then it goes on as a dossier received at the counter
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-05T10:10"));
		assertThat(d.state().status).isEqualTo(DossierStatus.IN_PROCESSING);
	}

	@Test
	void askingForMoreStopsTheCheckUntilTheApplicantAddsItThenItIsCheckedAgain() {
		Dossier d = aDossier().receivedAt("2025-03-03T09:00").submitted();
		assertThatThrownBy(() -> d.askForMore(actor(COUNTER), " ", at("2025-03-03T10:00")))
			.matches(t -> ((Problem) t).violations().get(0).field().equals("note"));
		d.askForMore(actor(COUNTER), "Bản chụp giấy chứng sinh rõ nét", at("2025-03-03T10:00"));
		assertThat(d.state().status).isEqualTo(DossierStatus.AWAITING_ADDITIONS);
		assertThat(d.state().applicantNotice).isEqualTo("Bản chụp giấy chứng sinh rõ nét");
		assertThat(d.isOverdue(at("2025-03-20T10:00"))).as("it waits for the applicant").isFalse();
		assertThat(d.events()).filteredOn(AdditionsRequested.class::isInstance).hasSize(1);

		d.additionsFromApplicant(ApplicantUploads.APPLICANT, FORM, null, at("2025-03-06T16:00"), CALENDAR, CHECK_TIME);
		assertThat(d.state().status).isEqualTo(DossierStatus.AWAITING_INTAKE);
		// a new check, 8 working hours from the additions: Thursday 16:00-17:00, then
		// Friday 07:00-11:30 and 13:30-16:00
		assertThat(d.state().intakeDueAt).isEqualTo(at("2025-03-07T16:00"));
		assertThat(d.state().components).extracting(SubmittedComponent::name).contains("Tờ khai", "Giấy chứng sinh");
		assertThat(d.newHistory()).extracting(HistoryEntry::actor).last().isEqualTo(ApplicantUploads.APPLICANT);
		HistoryEntry added = d.newHistory().get(d.newHistory().size() - 1);
		assertThat(added.byApplicant()).isTrue();
		assertThat(added.facts().checkDueAt()).isEqualTo(at("2025-03-07T16:00"));
		assertThat(added.facts().handedIn()).isEqualTo(FORM.stream().map(SubmittedComponent::name).toList());
		assertThat(d.newHistory()).filteredOn(h -> h.action().equals("ASK_FOR_MORE"))
			.singleElement()
			.matches(h -> h.note().equals("Bản chụp giấy chứng sinh rõ nét") && h.facts().isEmpty());

		d.accept(actor(LEADER), null, at("2025-03-07T08:00"), CALENDAR, SupplementMode.PAUSE_ADDED);
		assertThat(d.state().receivedAt).isEqualTo(at("2025-03-07T08:00"));
		assertThat(d.state().steps.get(0).verdict()).isEqualTo(Timeliness.ON_TIME);
	}

	@Test
	void aRefusedSubmissionIsFinalAndNeverCountedAsResolved() {
		Dossier d = aDossier().submitted();
		assertThatThrownBy(() -> d.refuseOnline(actor(COUNTER), null, at("2025-03-03T10:00")))
			.matches(t -> ((Problem) t).violations().get(0).field().equals("reason"));
		d.refuseOnline(actor(COUNTER), "Thủ tục không thuộc thẩm quyền của phường", at("2025-03-03T10:00"));
		assertThat(d.state().status).isEqualTo(DossierStatus.REFUSED_AT_INTAKE);
		assertThat(d.state().timeliness).isNull();
		assertThat(d.overdueFrom()).isNull();
		assertThat(d.currentStep()).isNull();
		assertThat(d.events()).noneMatch(DossierResolved.class::isInstance)
			.anyMatch(OnlineDossierRefused.class::isInstance);
		assertThat(d.allowedActions(actor(COUNTER), at("2025-03-03T10:00"), CALENDAR)).isEmpty();
	}

	@Test
	void onlyTheDeskChecksAndTheApplicantOnlyHandsIn() {
		Dossier d = aDossier().submitted();
		assertThatThrownBy(
				() -> d.accept(actor(SPECIALIST), null, at("2025-03-03T10:00"), CALENDAR, SupplementMode.PAUSE_ADDED))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T10:00")))
			.as("nothing is processed before it is received")
			.isInstanceOf(InvalidStatusTransition.class);
		assertThatThrownBy(
				() -> d.additionsFromApplicant("applicant", FORM, null, at("2025-03-03T10:00"), CALENDAR, CHECK_TIME))
			.as("nothing was asked for")
			.isInstanceOf(InvalidStatusTransition.class);
		assertThat(DossierRights.whyNotForApplicant(d.state(), DossierAction.ACCEPT)).isInstanceOf(NotAllowed.class);
	}

	@Test
	void theApplicantsSupplementResumesTheClockLikeTheCounters() {
		Dossier byApplicant = aDossier().build();
		Dossier atCounter = aDossier().build();
		for (Dossier d : List.of(byApplicant, atCounter)) {
			d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
			d.requestSupplement(actor(SPECIALIST), "Bản sao giấy chứng sinh", at("2025-03-03T10:00"));
		}
		assertThat(byApplicant.state().applicantNotice).isEqualTo("Bản sao giấy chứng sinh");
		byApplicant.supplementFromApplicant(ApplicantUploads.APPLICANT, FORM, "Đã gửi bản chụp", at("2025-03-05T10:00"),
				CALENDAR);
		atCounter.supplementReceived(actor(COUNTER), null, at("2025-03-05T10:00"), CALENDAR);
		assertThat(byApplicant.state().status).isEqualTo(DossierStatus.IN_PROCESSING);
		assertThat(byApplicant.state().dueAt).isEqualTo(atCounter.state().dueAt)
			.as("two working days paused, added to Thursday 09:00")
			.isEqualTo(at("2025-03-10T09:00"));
		assertThat(byApplicant.newHistory()).last().matches(h -> h.actor().equals(ApplicantUploads.APPLICANT));
	}

	@Test
	void anApologyKeepsItsReason() {
		Dossier d = aDossier().build();
		d.apologize(actor(LEADER), "Cần xác minh thêm tại địa phương", at("2025-03-14T17:00"), at("2025-03-03T14:00"),
				CALENDAR);
		assertThat(d.state().apologyReason).isEqualTo("Cần xác minh thêm tại địa phương");
	}

}
