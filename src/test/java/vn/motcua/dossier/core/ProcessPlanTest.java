package vn.motcua.dossier.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.calendar.core.PeriodUnit;
import vn.motcua.calendar.core.ProcessingTime;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.org.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessPlanTest {

	private static final ProcessPlan DEFAULT = ProcessPlan.parse("""
			# name | role | hours
			Tiếp nhận | ONE_STOP_OFFICER | 0.5
			Xử lý | SPECIALIST | rest
			Phê duyệt | LEADER | 15%
			Trả kết quả | ONE_STOP_OFFICER | 0.5
			""");

	private static ProcedureContent procedure(ProcessingTime committed, List<ProcedureContent.Step> steps) {
		return new ProcedureContent("1.001193", "Đăng ký khai sinh", "Hộ tịch", null, "UBND", List.of(), committed,
				committed, null, List.of(), List.of(), steps, true, null, List.of(), null);
	}

	private static List<Double> hours(List<ProcessPlan.Step> steps) {
		return steps.stream().map(ProcessPlan.Step::hours).toList();
	}

	@Test
	void aProcedureWithALeadersStepKeepsItsOwnSteps() {
		List<ProcedureContent.Step> own = List.of(new ProcedureContent.Step("Nhận", Role.ONE_STOP_OFFICER, 1),
				new ProcedureContent.Step("Ký", Role.LEADER, 2));
		assertThat(DEFAULT.forProcedure(procedure(ProcessingTime.workingDays(1), own), 8)).containsExactly(
				new ProcessPlan.Step("Nhận", Role.ONE_STOP_OFFICER, 1), new ProcessPlan.Step("Ký", Role.LEADER, 2));
	}

	@Test
	void withoutALeadersStepTheDefaultPlanIsFittedToTheCommittedTime() {
		// five working days: 40 h; approval 15 % = 6 h; the processing takes the rest
		List<ProcessPlan.Step> plan = DEFAULT.forProcedure(procedure(ProcessingTime.workingDays(5),
				List.of(new ProcedureContent.Step("Xử lý", Role.SPECIALIST, 4))), 8);
		assertThat(plan).extracting(ProcessPlan.Step::name)
			.containsExactly("Tiếp nhận", "Xử lý", "Phê duyệt", "Trả kết quả");
		assertThat(hours(plan)).containsExactly(0.5, 33.0, 6.0, 0.5);
		// two working hours: fixed steps at most an eighth, approval and processing at
		// least half an hour
		assertThat(hours(DEFAULT.forProcedure(procedure(ProcessingTime.workingHours(2), List.of()), 8)))
			.containsExactly(0.25, 1.0, 0.5, 0.25);
		// a time in calendar days counts one working day
		assertThat(hours(DEFAULT.forProcedure(procedure(new ProcessingTime(10, PeriodUnit.DAYS), List.of()), 8)))
			.containsExactly(0.5, 6.0, 1.0, 0.5);
	}

	@Test
	void aDefaultPlanMustBeReadable() {
		assertThatThrownBy(() -> ProcessPlan.parse("Xử lý | SPECIALIST")).hasMessageContaining("name | ROLE | hours");
		assertThatThrownBy(() -> ProcessPlan.parse("Xử lý | SPECIALIST | nhiều"))
			.hasMessageContaining("a number, a percentage or 'rest'");
		assertThatThrownBy(() -> ProcessPlan.parse("Xử lý | SPECIALIST | 4")).hasMessageContaining("leader");
		assertThatThrownBy(() -> ProcessPlan.parse("A | SPECIALIST | rest\nB | LEADER | rest"))
			.hasMessageContaining("at most one");
	}

}
