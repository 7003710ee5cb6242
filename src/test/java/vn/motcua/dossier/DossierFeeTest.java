package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.catalog.core.FeeStage;
import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.DossierFixture.CALENDAR;
import static vn.motcua.dossier.DossierFixture.COUNTER;
import static vn.motcua.dossier.DossierFixture.LEADER;
import static vn.motcua.dossier.DossierFixture.SPECIALIST;
import static vn.motcua.dossier.DossierFixture.aDossier;
import static vn.motcua.dossier.DossierFixture.actor;
import static vn.motcua.dossier.DossierFixture.at;

/** The dossier's wait for its fee (ADR 35). */
class DossierFeeTest {

	@Test
	void aFeeDueAtIntakeMakesTheReceivedDossierWaitWithItsClockPaused() {
		Dossier d = aDossier().receivedAt("2025-03-03T09:00").fee(8_000, FeeStage.INTAKE).build();
		assertThat(d.state().status).isEqualTo(DossierStatus.AWAITING_PAYMENT);
		assertThat(d.state().pauseStartedAt).isEqualTo(at("2025-03-03T09:00"));
		assertThat(d.overdueFrom()).isNull();
		assertThat(d.newHistory()).singleElement()
			.satisfies(h -> assertThat(h.to()).isEqualTo(DossierStatus.AWAITING_PAYMENT));
		assertThat(d.allowedActions(actor(COUNTER), at("2025-03-03T09:10"), CALENDAR))
			.containsExactlyInAnyOrder(DossierAction.STOP, DossierAction.WITHDRAW);
	}

	@Test
	void thePaymentResumesItWithTheDueTimeMovedByThePausedWorkingTime() {
		Dossier d = aDossier().receivedAt("2025-03-03T09:00").fee(8_000, FeeStage.INTAKE).build();
		Instant due = d.state().dueAt;
		Instant stepDue = d.state().steps.get(1).dueAt();
		// a working day later
		assertThat(d.paid("system", "MC-1", "ONLINE", at("2025-03-04T09:00"), CALENDAR)).isTrue();
		assertThat(d.state().status).isEqualTo(DossierStatus.RECEIVED);
		assertThat(d.state().dueAt).isEqualTo(CALENDAR.plus(due, Duration.ofHours(8)));
		assertThat(d.state().steps.get(1).dueAt()).isEqualTo(CALENDAR.plus(stepDue, Duration.ofHours(8)));
		assertThat(d.state().fee.paidAt()).isEqualTo(at("2025-03-04T09:00"));
		assertThat(d.state().fee.paymentReference()).isEqualTo("MC-1");
		assertThat(d.state().pauseStartedAt).isNull();
		// a repeated confirmation changes nothing
		int history = d.newHistory().size();
		assertThat(d.paid("system", "MC-1", "ONLINE", at("2025-03-05T09:00"), CALENDAR)).isFalse();
		assertThat(d.newHistory()).hasSize(history);
		assertThat(d.state().dueAt).isEqualTo(CALENDAR.plus(due, Duration.ofHours(8)));
	}

	@Test
	void aFeeDueAtTheResultKeepsTheResultUntilPaid() {
		Dossier d = aDossier().receivedAt("2025-03-03T09:00").fee(75_000, FeeStage.RESULT).build();
		assertThat(d.state().status).isEqualTo(DossierStatus.RECEIVED);
		d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10"));
		d.forward(actor(SPECIALIST), LEADER, null, at("2025-03-04T10:00"));
		d.approve(actor(LEADER), null, at("2025-03-04T15:00"));
		d.recordResult(actor(LEADER), "Giấy phép xây dựng số 12/GPXD", at("2025-03-04T15:30"));
		assertThatThrownBy(() -> d.returnResult(actor(COUNTER), ReturnChannel.COUNTER, null, at("2025-03-05T08:00")))
			.isInstanceOf(Problem.class)
			.satisfies(t -> assertThat(((Problem) t).code()).isEqualTo("FEE_UNPAID"));
		d.paid("system", "MC-2", "CASH", at("2025-03-05T09:00"), CALENDAR);
		assertThat(d.state().status).isEqualTo(DossierStatus.RESULT_READY);
		d.returnResult(actor(COUNTER), ReturnChannel.COUNTER, null, at("2025-03-05T09:30"));
		assertThat(d.state().status).isEqualTo(DossierStatus.RETURNED);
	}

	@Test
	void noFeeOrAnExemptOneNeverWaits() {
		assertThat(aDossier().build().state().status).isEqualTo(DossierStatus.RECEIVED);
		assertThat(aDossier().fee(0, FeeStage.INTAKE).build().state().status).isEqualTo(DossierStatus.RECEIVED);
	}

	@Test
	void anOnlineSubmissionWithAFeeWaitsForItOnceAccepted() {
		Dossier d = aDossier().receivedAt("2025-03-03T09:00").fee(2_000, FeeStage.INTAKE).submitted();
		d.accept(actor(COUNTER), null, at("2025-03-03T10:00"), CALENDAR, vn.motcua.org.SupplementMode.PAUSE_ADDED);
		assertThat(d.state().status).isEqualTo(DossierStatus.AWAITING_PAYMENT);
	}

}
