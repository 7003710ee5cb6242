package vn.motcua.it;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.IntakeOutcome;
import vn.motcua.dossier.OnlineSubmissions;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.notification.Notifications;
import vn.motcua.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class OnlineSubmissionIT {

	@Autowired
	OnlineSubmissions submissions;

	@Autowired
	Notifications notifications;

	private static DossierIntake.IntakeRequest birth(String idNumber) {
		DossierIntake.IntakeRequest b = Api.birth();
		return new DossierIntake.IntakeRequest(b.unitCode(), b.procedureCode(), Channel.ONLINE,
				new Applicant("Mai Văn Tùng", idNumber, null, null, null), b.components(), false, null);
	}

	private String codeSentTo(String email) {
		var message = this.notifications.latest(20)
			.stream()
			.filter(m -> m.recipient().equals(email))
			.findFirst()
			.orElseThrow();
		return message.subject().replaceAll(".*(\\d{6}).*", "$1");
	}

	@Test
	void theRightCodeSubmitsTheDossierOnlineToWaitForTheCheck() {
		OnlineSubmissions.Started started = this.submissions.start("mai.tung@example.vn", birth("038166009988"),
				List.of());
		assertThat(started.pendingId()).isNotNull();
		DossierIntake.IntakeResult result = this.submissions.confirm(started.pendingId(),
				codeSentTo("mai.tung@example.vn"));
		assertThat(result.outcome()).isEqualTo(IntakeOutcome.SUBMITTED);
		assertThat(result.dossier().status()).isEqualTo(DossierStatus.AWAITING_INTAKE);
		assertThat(result.dossier().receivedAt()).isNull();
		assertThat(result.dossier().dueAt()).isNull();
		assertThat(result.dossier().intakeDueAt()).isAfter(result.dossier().submittedAt());
		assertThat(result.dossier().channel()).isEqualTo(Channel.ONLINE);
		assertThat(result.dossier().applicant().email()).isEqualTo("mai.tung@example.vn");
		assertThatThrownBy(() -> this.submissions.confirm(started.pendingId(), "123456"))
			.matches(t -> ((Problem) t).code().equals("SUBMISSION_NOT_FOUND"));
	}

	@Test
	void fiveWrongCodesEndTheSubmission() {
		OnlineSubmissions.Started started = this.submissions.start("sai.ma@example.vn", birth("038166001111"),
				List.of());
		String right = codeSentTo("sai.ma@example.vn");
		String wrong = right.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> this.submissions.confirm(started.pendingId(), wrong))
				.matches(t -> ((Problem) t).code().equals("CODE_WRONG"));
		}
		assertThatThrownBy(() -> this.submissions.confirm(started.pendingId(), right))
			.matches(t -> ((Problem) t).code().equals("TOO_MANY_TRIES"));
	}

	@Test
	void anIncompleteSubmissionGetsItsGuidanceAndNoCode() {
		// messages to other recipients may be written meanwhile (the dossiers' events)
		long before = this.notifications.latest(100)
			.stream()
			.filter(m -> m.recipient().equals("thieu@example.vn"))
			.count();
		DossierIntake.IntakeRequest b = birth("038166002222");
		OnlineSubmissions.Started started = this.submissions.start("thieu@example.vn",
				new DossierIntake.IntakeRequest(b.unitCode(), b.procedureCode(), Channel.ONLINE, b.applicant(),
						List.of(b.components().get(0)), false, null),
				List.of());
		assertThat(started.pendingId()).isNull();
		assertThat(started.missing()).hasSize(2);
		assertThat(this.notifications.latest(100).stream().filter(m -> m.recipient().equals("thieu@example.vn")))
			.hasSize((int) before);
	}

	@Test
	void badEmailAndIdNumberAreNamed() {
		assertThatThrownBy(() -> this.submissions.start("khong-phai-email", birth("12"), List.of()))
			.matches(t -> ((Problem) t).violations()
				.stream()
				.map(Problem.Violation::field)
				.toList()
				.containsAll(List.of("email", "applicant.idNumber")));
	}

}
