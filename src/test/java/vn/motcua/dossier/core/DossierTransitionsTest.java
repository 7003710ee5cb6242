package vn.motcua.dossier.core;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DossierTransitionsTest {

	@Test
	void everyStatusAppearsInTheTable() {
		Set<DossierStatus> seen = EnumSet.noneOf(DossierStatus.class);
		DossierTransitions.all().values().forEach(move -> {
			seen.addAll(move.from());
			seen.addAll(move.to());
		});
		assertThat(seen).containsExactlyInAnyOrder(DossierStatus.values());
	}

	@Test
	void everyActionHasAMove() {
		assertThat(DossierTransitions.all().keySet()).containsExactlyInAnyOrder(DossierAction.values());
	}

	@Test
	void finalStatusesLeadNowhere() {
		DossierTransitions.all().values().forEach(move -> assertThat(move.from()).allMatch(DossierStatus::isOpen));
	}

	@Test
	void everyReceivedOpenStatusButResultReadyCanBeStoppedOrWithdrawn() {
		for (DossierAction action : new DossierAction[] { DossierAction.STOP, DossierAction.WITHDRAW }) {
			assertThat(DossierTransitions.of(action).from()).containsExactlyInAnyOrder(DossierStatus.RECEIVED,
					DossierStatus.AWAITING_PAYMENT, DossierStatus.IN_PROCESSING, DossierStatus.WAITING_FOR_SUPPLEMENT,
					DossierStatus.AWAITING_APPROVAL, DossierStatus.APPROVED);
		}
	}

	@Test
	void aDossierWaitingForItsPaymentOnlyGoesOnWhenPaidOrEnds() {
		for (var e : DossierTransitions.all().entrySet()) {
			boolean leaves = e.getValue().from().contains(DossierStatus.AWAITING_PAYMENT);
			assertThat(leaves).as(e.getKey().name())
				.isEqualTo(e.getKey() == DossierAction.PAYMENT_CONFIRMED || e.getKey() == DossierAction.STOP
						|| e.getKey() == DossierAction.WITHDRAW);
		}
		// it is entered at receipt (counter) or by accepting an online submission, never
		// by a payment
		assertThat(DossierTransitions.of(DossierAction.PAYMENT_CONFIRMED).to())
			.doesNotContain(DossierStatus.AWAITING_PAYMENT);
		assertThat(DossierTransitions.of(DossierAction.ACCEPT).to()).contains(DossierStatus.AWAITING_PAYMENT);
	}

	@Test
	void aFeeMayBePaidInEveryReceivedOpenStatus() {
		assertThat(DossierTransitions.of(DossierAction.PAYMENT_CONFIRMED).from()).containsExactlyInAnyOrderElementsOf(
				java.util.Arrays.stream(DossierStatus.values()).filter(s -> s.isOpen() && s.isReceived()).toList());
	}

	@Test
	void beforeItIsReceivedAnOnlineSubmissionIsOnlyCheckedOrCompleted() {
		for (var e : DossierTransitions.all().entrySet()) {
			boolean check = e.getKey() == DossierAction.ACCEPT || e.getKey() == DossierAction.ASK_FOR_MORE
					|| e.getKey() == DossierAction.ADDITIONS_RECEIVED || e.getKey() == DossierAction.REFUSE_ONLINE;
			assertThat(e.getValue().from().stream().anyMatch(s -> !s.isReceived())).as(e.getKey().name())
				.isEqualTo(check);
		}
		assertThat(DossierTransitions.of(DossierAction.ACCEPT).to()).containsExactlyInAnyOrder(DossierStatus.RECEIVED,
				DossierStatus.AWAITING_PAYMENT);
	}

	@Test
	void actionsHaveTheirPathNames() {
		assertThat(DossierAction.fromPath("request-supplement")).contains(DossierAction.REQUEST_SUPPLEMENT);
		assertThat(DossierAction.RETURN_RESULT.path()).isEqualTo("return-result");
		assertThat(DossierAction.fromPath("fly")).isEmpty();
	}

}
