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
	void everyOpenStatusButResultReadyCanBeStoppedOrWithdrawn() {
		assertThat(DossierTransitions.of(DossierAction.STOP).from()).containsExactlyInAnyOrder(DossierStatus.RECEIVED,
				DossierStatus.IN_PROCESSING, DossierStatus.WAITING_FOR_SUPPLEMENT, DossierStatus.AWAITING_APPROVAL,
				DossierStatus.APPROVED);
	}

	@Test
	void actionsHaveTheirPathNames() {
		assertThat(DossierAction.fromPath("request-supplement")).contains(DossierAction.REQUEST_SUPPLEMENT);
		assertThat(DossierAction.RETURN_RESULT.path()).isEqualTo("return-result");
		assertThat(DossierAction.fromPath("fly")).isEmpty();
	}

}
