package vn.motcua.catalog.core;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.calendar.core.PeriodUnit;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.org.Role;
import vn.motcua.shared.Problem.Violation;

import static org.assertj.core.api.Assertions.assertThat;

class ProcedureRulesTest {

	static ProcedureContent aProcedure(ProcessingTime statutory, ProcessingTime committed,
			List<ProcedureContent.Step> steps) {
		return new ProcedureContent("1.001193", "Đăng ký khai sinh", "Hộ tịch", ImplementingLevel.COMMUNE,
				"UBND phường", List.of(ApplicantType.CITIZEN), statutory, committed, LocalTime.of(15, 0),
				List.of(new ProcedureContent.Component("Tờ khai", 1, 0, true, null)), List.of(), steps, true,
				"Giấy khai sinh", List.of("Luật Hộ tịch 2014"), OnlineLevel.FULL);
	}

	private static List<String> fields(List<Violation> violations) {
		return violations.stream().map(Violation::field).toList();
	}

	@Test
	void aWellFormedProcedureKeepsTheRules() {
		assertThat(ProcedureRules.check(aProcedure(ProcessingTime.workingDays(3), ProcessingTime.workingDays(2),
				List.of(new ProcedureContent.Step("Xử lý", Role.SPECIALIST, 16))), 8))
			.isEmpty();
	}

	@Test
	void theCommittedTimeMayNotExceedTheStatutoryTime() {
		assertThat(fields(ProcedureRules
			.check(aProcedure(ProcessingTime.workingDays(1), ProcessingTime.workingHours(9), List.of()), 8)))
			.containsExactly("committedTime");
	}

	@Test
	void daysAndWorkingDaysDoNotCompare() {
		assertThat(fields(ProcedureRules
			.check(aProcedure(new ProcessingTime(30, PeriodUnit.DAYS), ProcessingTime.workingDays(10), List.of()), 8)))
			.containsExactly("committedTime");
	}

	@Test
	void theStepsMustFitInTheCommittedTime() {
		assertThat(
				fields(ProcedureRules
					.check(aProcedure(ProcessingTime.workingDays(3), ProcessingTime.workingDays(2),
							List.of(new ProcedureContent.Step("Xử lý", Role.SPECIALIST, 12),
									new ProcedureContent.Step("Duyệt", Role.LEADER, 4.5))),
							8)))
			.containsExactly("steps");
	}

	@Test
	void badCodeAndBlankNameAreNamed() {
		ProcedureContent p = aProcedure(ProcessingTime.workingDays(3), ProcessingTime.workingDays(2), List.of());
		ProcedureContent bad = new ProcedureContent("1001193", " ", p.field(), p.level(), p.agency(),
				p.applicantTypes(), p.statutoryTime(), p.committedTime(), p.sameDayCutoff(),
				List.of(new ProcedureContent.Component("Tờ khai", 0, 0, true, null)), p.fees(), p.steps(), true, null,
				p.legalBasis(), p.onlineLevel());
		assertThat(fields(ProcedureRules.check(bad, 8))).containsExactly("code", "name", "components[0]");
	}

	@Test
	void cutPercentOfTheWardsUsualCut() {
		assertThat(ProcessingTime.workingDays(10).cutPercent(ProcessingTime.workingDays(7), 8)).isEqualTo(30.0);
		assertThat(ProcessingTime.workingDays(1).cutPercent(ProcessingTime.workingHours(5), 8)).isEqualTo(37.5);
	}

}
