package vn.motcua.shared;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Only the registry's bookkeeping after delivery is committed without waiting for the
 * disk; the publication written with the dossier is not.
 */
class RegistryCommitsTest {

	private final Database database = mock(Database.class);

	private final EventPublicationRepository target = mock(EventPublicationRepository.class);

	private final EventPublicationRepository repository = (EventPublicationRepository) RegistryCommits
		.relaxedRegistryBookkeeping(
				new StaticListableBeanFactory(Map.of("database", this.database)).getBeanProvider(Database.class))
		.postProcessAfterInitialization(this.target, "repository");

	@AfterEach
	void endTransaction() {
		TransactionSynchronizationManager.setActualTransactionActive(false);
	}

	@Test
	void thePublicationWaitsForTheDisk() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		TargetEventPublication publication = mock(TargetEventPublication.class);
		this.repository.create(publication);
		verify(this.target).create(publication);
		verify(this.database, never()).commitWithoutWaitingForDisk();
	}

	@Test
	void bookkeepingAfterDeliveryDoesNot() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		UUID id = UUID.randomUUID();
		this.repository.markProcessing(id);
		this.repository.markCompleted(id, Instant.EPOCH);
		this.repository.markFailed(id);
		verify(this.target).markCompleted(id, Instant.EPOCH);
		verify(this.database, times(3)).commitWithoutWaitingForDisk();
	}

	@Test
	void outsideATransactionNothingIsRelaxed() {
		this.repository.markCompleted(UUID.randomUUID(), Instant.EPOCH);
		verify(this.database, never()).commitWithoutWaitingForDisk();
	}

	@Test
	void otherBeansAreLeftAsTheyAre() {
		Object other = new Object();
		assertThat(RegistryCommits
			.relaxedRegistryBookkeeping(new StaticListableBeanFactory().getBeanProvider(Database.class))
			.postProcessAfterInitialization(other, "other")).isSameAs(other);
	}

}
