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
		assertThat(DossierTransitions.of(DossierAction.STOP).from()).containsExactlyInAnyOrder(DossierStatus.RECEIVED,
				DossierStatus.IN_PROCESSING, DossierStatus.WAITING_FOR_SUPPLEMENT, DossierStatus.AWAITING_APPROVAL,
				DossierStatus.APPROVED);
	}

	@Test
	void beforeItIsReceivedAnOnlineSubmissionIsOnlyCheckedOrCompleted() {
		for (var e : DossierTransitions.all().entrySet()) {
			boolean check = e.getKey() == DossierAction.ACCEPT || e.getKey() == DossierAction.ASK_FOR_MORE
					|| e.getKey() == DossierAction.ADDITIONS_RECEIVED || e.getKey() == DossierAction.REFUSE_ONLINE;
			assertThat(e.getValue().from().stream().anyMatch(s -> !s.isReceived())).as(e.getKey().name())
				.isEqualTo(check);
		}
		assertThat(DossierTransitions.of(DossierAction.ACCEPT).to()).containsExactly(DossierStatus.RECEIVED);
	}

	@Test
	void actionsHaveTheirPathNames() {
		assertThat(DossierAction.fromPath("request-supplement")).contains(DossierAction.REQUEST_SUPPLEMENT);
		assertThat(DossierAction.RETURN_RESULT.path()).isEqualTo("return-result");
		assertThat(DossierAction.fromPath("fly")).isEmpty();
	}

}
