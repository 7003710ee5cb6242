package vn.motcua.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import vn.motcua.dossier.core.DossierAction;
import vn.motcua.dossier.core.DossierPermissions;
import vn.motcua.org.Actor;
import vn.motcua.org.Officer;
import vn.motcua.org.Role;
import vn.motcua.org.SupplementMode;
import vn.motcua.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static vn.motcua.dossier.DossierFixture.CALENDAR;
import static vn.motcua.dossier.DossierFixture.COUNTER;
import static vn.motcua.dossier.DossierFixture.ELSEWHERE;
import static vn.motcua.dossier.DossierFixture.LEADER;
import static vn.motcua.dossier.DossierFixture.OTHER_SPECIALIST;
import static vn.motcua.dossier.DossierFixture.SPECIALIST;
import static vn.motcua.dossier.DossierFixture.aDossier;
import static vn.motcua.dossier.DossierFixture.actor;
import static vn.motcua.dossier.DossierFixture.at;
import static vn.motcua.dossier.core.DossierAction.ACCEPT;
import static vn.motcua.dossier.core.DossierAction.ADDITIONS_RECEIVED;
import static vn.motcua.dossier.core.DossierAction.APOLOGIZE;
import static vn.motcua.dossier.core.DossierAction.ASK_FOR_MORE;
import static vn.motcua.dossier.core.DossierAction.REFUSE_ONLINE;
import static vn.motcua.dossier.core.DossierAction.APPROVE;
import static vn.motcua.dossier.core.DossierAction.ASSIGN;
import static vn.motcua.dossier.core.DossierAction.FORWARD;
import static vn.motcua.dossier.core.DossierAction.RECORD_RESULT;
import static vn.motcua.dossier.core.DossierAction.REFUSE;
import static vn.motcua.dossier.core.DossierAction.REQUEST_SUPPLEMENT;
import static vn.motcua.dossier.core.DossierAction.RETURN_RESULT;
import static vn.motcua.dossier.core.DossierAction.SEND_BACK;
import static vn.motcua.dossier.core.DossierAction.STOP;
import static vn.motcua.dossier.core.DossierAction.SUPPLEMENT_RECEIVED;
import static vn.motcua.dossier.core.DossierAction.WITHDRAW;

/**
 * Which actions each officer may take at each stage of a dossier's life, and that the
 * answer is the truth: every action offered succeeds, and every action not offered fails
 * without changing the dossier.
 */
class AllowedActionsTest {

	/** Due Thursday 6 March 2025 09:00; Monday 09:10 leaves three working days. */
	private static final Instant MONDAY = at("2025-03-03T09:10");

	private static final Officer SUPERVISOR = new Officer("giamsat", "Giám sát", "H01.01", Set.of(Role.SUPERVISOR),
			true);

	private static final List<Officer> EVERYONE = List.of(COUNTER, SPECIALIST, OTHER_SPECIALIST, LEADER, ELSEWHERE,
			SUPERVISOR);

	private static Set<DossierAction> allowed(Dossier d, Officer officer, Instant now) {
		return d.allowedActions(actor(officer), now, CALENDAR);
	}

	@Test
	void justReceivedTheCounterAssignsAndTheLeaderMayAlsoForward() {
		Dossier d = aDossier().build();
		assertThat(allowed(d, COUNTER, MONDAY))
			.isEqualTo(EnumSet.of(ASSIGN, REQUEST_SUPPLEMENT, APOLOGIZE, STOP, WITHDRAW));
		assertThat(allowed(d, LEADER, MONDAY))
			.isEqualTo(EnumSet.of(ASSIGN, FORWARD, REQUEST_SUPPLEMENT, APOLOGIZE, STOP, WITHDRAW));
		assertThat(allowed(d, SPECIALIST, MONDAY)).isEmpty();
		assertThat(allowed(d, ELSEWHERE, MONDAY)).isEmpty();
		assertThat(allowed(d, SUPERVISOR, MONDAY)).isEmpty();
		assertThat(d.allowedActions(Actor.administrator("admin"), MONDAY, CALENDAR)).isEmpty();
	}

	@Test
	void theAssignedSpecialistForwardsSendsBackAsksAndApologizesAndNobodyElseOfTheirRoleDoes() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, MONDAY);
		assertThat(allowed(d, SPECIALIST, MONDAY))
			.isEqualTo(EnumSet.of(FORWARD, SEND_BACK, REQUEST_SUPPLEMENT, APOLOGIZE));
		assertThat(allowed(d, OTHER_SPECIALIST, MONDAY)).isEmpty();
		assertThat(allowed(d, COUNTER, MONDAY))
			.isEqualTo(EnumSet.of(ASSIGN, REQUEST_SUPPLEMENT, APOLOGIZE, STOP, WITHDRAW));
	}

	@Test
	void theLeaderDecidesAndAnApologyIsNotOfferedOnceLessThanADayIsLeft() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, MONDAY);
		d.forward(actor(SPECIALIST), LEADER, null, at("2025-03-04T10:00"));
		Instant wednesday = at("2025-03-05T10:00");
		assertThat(allowed(d, LEADER, wednesday))
			.isEqualTo(EnumSet.of(ASSIGN, SEND_BACK, REQUEST_SUPPLEMENT, APPROVE, REFUSE, STOP, WITHDRAW));
		assertThat(allowed(d, LEADER, at("2025-03-04T10:00"))).contains(APOLOGIZE);
		assertThat(allowed(d, SPECIALIST, wednesday)).isEmpty();
	}

	@Test
	void afterTheDecisionTheCounterRecordsAndReturnsTheResult() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, MONDAY);
		d.forward(actor(SPECIALIST), LEADER, null, at("2025-03-04T10:00"));
		d.approve(actor(LEADER), null, at("2025-03-04T11:00"));
		assertThat(allowed(d, COUNTER, at("2025-03-04T11:00"))).contains(RECORD_RESULT).doesNotContain(APPROVE);
		d.recordResult(actor(COUNTER), "KQ-1", at("2025-03-04T14:00"));
		assertThat(allowed(d, COUNTER, at("2025-03-04T14:00"))).isEqualTo(EnumSet.of(RETURN_RESULT));
		assertThat(allowed(d, SPECIALIST, at("2025-03-04T14:00"))).isEmpty();
		d.returnResult(actor(COUNTER), ReturnChannel.COUNTER, null, at("2025-03-04T15:00"));
		for (Officer officer : EVERYONE) {
			assertThat(allowed(d, officer, at("2025-03-04T15:00"))).isEmpty();
		}
	}

	@Test
	void anAnsweredSupplementOrAnApologyGivenChangesWhatIsOffered() {
		Dossier d = aDossier().build();
		d.assign(actor(COUNTER), SPECIALIST, null, MONDAY);
		d.requestSupplement(actor(SPECIALIST), "Bổ sung", at("2025-03-03T10:00"));
		assertThat(allowed(d, SPECIALIST, at("2025-03-03T11:00"))).contains(SUPPLEMENT_RECEIVED)
			.doesNotContain(FORWARD);
		d.supplementReceived(actor(COUNTER), null, at("2025-03-03T11:00"), CALENDAR);
		d.apologize(actor(LEADER), "Cần xác minh", at("2025-03-14T17:00"), at("2025-03-03T14:00"), CALENDAR);
		assertThat(allowed(d, LEADER, at("2025-03-03T15:00"))).doesNotContain(APOLOGIZE);
	}

	/**
	 * At every stage of a whole life, for every officer and every action: offered means
	 * it succeeds, not offered means it fails and changes nothing.
	 */
	@Test
	void whatIsOfferedSucceedsAndWhatIsNotFails() {
		List<Consumer<Dossier>> life = List.of(d -> {
		}, d -> d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T09:10")),
				d -> d.requestSupplement(actor(SPECIALIST), "Bổ sung", at("2025-03-03T10:00")),
				d -> d.supplementReceived(actor(COUNTER), null, at("2025-03-03T11:00"), CALENDAR),
				d -> d.forward(actor(SPECIALIST), LEADER, null, at("2025-03-03T14:00")),
				d -> d.approve(actor(LEADER), null, at("2025-03-04T09:00")),
				d -> d.recordResult(actor(COUNTER), "KQ", at("2025-03-04T10:00")),
				d -> d.returnResult(actor(COUNTER), ReturnChannel.POST, null, at("2025-03-04T11:00")));
		checkEveryOffer(aDossier().build(), life);
	}

	/**
	 * The same for an online submission: the check asks for more, the applicant adds it,
	 * the check accepts it, and processing starts.
	 */
	@Test
	void whatIsOfferedAtTheCheckOfAnOnlineSubmissionSucceedsAndWhatIsNotFails() {
		List<Consumer<Dossier>> life = List.of(d -> {
		}, d -> d.askForMore(actor(COUNTER), "Giấy chứng sinh", at("2025-03-03T10:00")),
				d -> d.additionsFromApplicant(ApplicantUploads.APPLICANT, List.of(), null, at("2025-03-03T11:00"),
						CALENDAR, DossierFixture.CHECK_TIME),
				d -> d.accept(actor(COUNTER), null, at("2025-03-03T14:00"), CALENDAR, SupplementMode.PAUSE_ADDED),
				d -> d.assign(actor(COUNTER), SPECIALIST, null, at("2025-03-03T14:10")));
		checkEveryOffer(aDossier().submitted(), life);
	}

	@Test
	void atTheCheckTheDeskAcceptsAsksOrRefusesAndNobodyElseActs() {
		Dossier d = aDossier().submitted();
		assertThat(allowed(d, COUNTER, MONDAY)).isEqualTo(EnumSet.of(ACCEPT, ASK_FOR_MORE, REFUSE_ONLINE));
		assertThat(allowed(d, LEADER, MONDAY)).isEqualTo(EnumSet.of(ACCEPT, ASK_FOR_MORE, REFUSE_ONLINE));
		assertThat(allowed(d, SPECIALIST, MONDAY)).isEmpty();
		assertThat(allowed(d, SUPERVISOR, MONDAY)).isEmpty();
		d.askForMore(actor(COUNTER), "Giấy chứng sinh", MONDAY);
		assertThat(allowed(d, COUNTER, MONDAY)).isEqualTo(EnumSet.of(ADDITIONS_RECEIVED, REFUSE_ONLINE));
	}

	private static void checkEveryOffer(Dossier d, List<Consumer<Dossier>> life) {
		Instant now = at("2025-03-04T11:30");
		List<String> checked = new ArrayList<>();
		for (Consumer<Dossier> step : life) {
			step.accept(d);
			for (Officer officer : EVERYONE) {
				Set<DossierAction> allowed = allowed(d, officer, now);
				for (DossierAction action : DossierAction.values()) {
					Dossier copy = new Dossier(d.state().copy());
					if (allowed.contains(action)) {
						assertThatNoException().as(officer.username() + " " + action + " at " + d.state().status)
							.isThrownBy(() -> take(copy, action, officer, now));
					}
					else {
						assertThatThrownBy(() -> take(copy, action, officer, now))
							.as(officer.username() + " " + action + " at " + d.state().status)
							.isInstanceOf(Problem.class);
						assertThat(copy.state().status).isEqualTo(d.state().status);
						assertThat(copy.newHistory()).isEmpty();
					}
					checked.add(action.name());
				}
			}
		}
		assertThat(checked).hasSize(life.size() * EVERYONE.size() * DossierAction.values().length);
	}

	private static void take(Dossier d, DossierAction action, Officer officer, Instant now) {
		Actor a = actor(officer);
		switch (action) {
			case ACCEPT -> d.accept(a, null, now, CALENDAR, SupplementMode.PAUSE_ADDED);
			case ASK_FOR_MORE -> d.askForMore(a, "Bổ sung giấy chứng sinh", now);
			case ADDITIONS_RECEIVED -> d.additionsReceived(a, null, now, CALENDAR, DossierFixture.CHECK_TIME);
			case REFUSE_ONLINE -> d.refuseOnline(a, "Không thuộc thẩm quyền", now);
			case ASSIGN -> d.assign(a, anyoneFor(d.roleToAssign(ASSIGN)), null, now);
			case FORWARD -> d.forward(a, null, null, now);
			case SEND_BACK -> d.sendBack(a, "Xem lại", now);
			case REQUEST_SUPPLEMENT -> d.requestSupplement(a, "Bổ sung", now);
			case SUPPLEMENT_RECEIVED -> d.supplementReceived(a, null, now, CALENDAR);
			case APPROVE -> d.approve(a, null, now);
			case REFUSE -> d.refuse(a, "Không đủ điều kiện", now);
			case APOLOGIZE -> d.apologize(a, "Cần xác minh",
					(d.state().dueAt == null ? now : d.state().dueAt).plusSeconds(30 * 86_400), now, CALENDAR);
			case STOP -> d.stop(a, null, now);
			case WITHDRAW -> d.withdraw(a, null, now);
			case RECORD_RESULT -> d.recordResult(a, "KQ", now);
			case RETURN_RESULT -> d.returnResult(a, ReturnChannel.COUNTER, null, now);
			// no officer confirms a payment on the dossier: the payment module does
			// (DossierFees), as DossierActions answers
			case PAYMENT_CONFIRMED -> {
				Problem refusal = d.whyNot(action, a, now, CALENDAR);
				if (refusal != null) {
					throw refusal;
				}
			}
		}
	}

	/**
	 * An officer of the unit who may take a step of the role (any, when none is asked).
	 */
	private static Officer anyoneFor(Role role) {
		return EVERYONE.stream()
			.filter(o -> role == null || DossierPermissions.mayTake(o, DossierFixture.UNIT, role))
			.findFirst()
			.orElseThrow();
	}

}
