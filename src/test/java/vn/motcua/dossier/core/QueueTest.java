package vn.motcua.dossier.core;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.org.Role;

import static org.assertj.core.api.Assertions.assertThat;

class QueueTest {

	@Test
	void aLeadersQueuesPutTheApprovalsFirstAndLeaveThemOutOfTheOthers() {
		List<Queue> queues = Queue.of(Set.of(Role.LEADER));
		assertThat(queues).containsExactly(Queue.TO_APPROVE, Queue.MINE, Queue.OVERDUE, Queue.DUE_SOON);
		assertThat(Queue.MINE.statusesBefore(queues)).containsExactly(DossierStatus.AWAITING_APPROVAL);
		assertThat(Queue.OVERDUE.statusesBefore(queues)).containsExactly(DossierStatus.AWAITING_APPROVAL);
		assertThat(Queue.DUE_SOON.statusesBefore(queues)).containsExactly(DossierStatus.AWAITING_APPROVAL);
		assertThat(Queue.MINE.leavesOutMine(queues)).isFalse();
		assertThat(Queue.OVERDUE.leavesOutMine(queues)).isTrue();
		assertThat(Queue.DUE_SOON.leavesOutMine(queues)).isTrue();
		assertThat(Queue.TO_APPROVE.statusesBefore(queues)).isEmpty();
		assertThat(Queue.TO_APPROVE.leavesOutMine(queues)).isFalse();
	}

	@Test
	void aOneStopOfficersStatusQueuesComeBeforeTheirOwnAndTheUnitsOverdue() {
		List<Queue> queues = Queue.of(Set.of(Role.ONE_STOP_OFFICER));
		assertThat(queues).containsExactly(Queue.TO_CHECK, Queue.TO_ASSIGN, Queue.APPROVED, Queue.TO_RETURN, Queue.MINE,
				Queue.OVERDUE, Queue.DUE_SOON);
		// the online submissions to check come first, and the overdue list leaves them
		// out
		assertThat(Queue.TO_CHECK.statusesBefore(queues)).isEmpty();
		assertThat(Queue.OVERDUE.statusesBefore(queues)).containsExactlyInAnyOrder(DossierStatus.AWAITING_INTAKE,
				DossierStatus.RECEIVED, DossierStatus.APPROVED, DossierStatus.RESULT_READY);
	}

	@Test
	void aSpecialistHasTheirOwnThenTheUnitsAndASupervisorNone() {
		List<Queue> queues = Queue.of(Set.of(Role.SPECIALIST));
		assertThat(queues).containsExactly(Queue.MINE, Queue.OVERDUE, Queue.DUE_SOON);
		assertThat(Queue.OVERDUE.statusesBefore(queues)).isEmpty();
		assertThat(Queue.of(Set.of(Role.SUPERVISOR))).isEmpty();
	}

	@Test
	void theRoleQueuesHoldStatusesNoTwoShare() {
		assertThat(java.util.Arrays.stream(Queue.values()).map(Queue::status).filter(s -> s != null))
			.doesNotHaveDuplicates();
	}

}
