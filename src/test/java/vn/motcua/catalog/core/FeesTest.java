package vn.motcua.catalog.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.shared.Problem.Violation;

import static org.assertj.core.api.Assertions.assertThat;

class FeesTest {

	private static final String POOR = "Người thuộc hộ nghèo";

	private static final ProcedureContent.Fee FIXED = new ProcedureContent.Fee("Lệ phí cải chính hộ tịch",
			FeeKind.FIXED, 15_000, null, "Luật Hộ tịch 2014, Điều 11", List.of(POOR));

	private static final ProcedureContent.Fee PER_COPY = new ProcedureContent.Fee("Phí cấp bản sao trích lục",
			FeeKind.PER_COPY, 8_000, null, null, List.of());

	private static final ProcedureContent.Fee PER_PAGE = new ProcedureContent.Fee("Phí chứng thực bản sao",
			FeeKind.PER_PAGE, 2_000, null, null, List.of());

	private static final ProcedureContent.Fee EXEMPT = new ProcedureContent.Fee("Lệ phí đăng ký kết hôn",
			FeeKind.EXEMPT, 0, null, "Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b", List.of());

	@Test
	void aFixedFeeIsChargedOnceWhateverTheCopiesAndPages() {
		assertThat(Fees.amount(List.of(FIXED), new FeeInputs(5, 7, null)).total()).isEqualTo(15_000);
	}

	@Test
	void aPerCopyFeeIsChargedForEachCopy() {
		Fees.Amount amount = Fees.amount(List.of(PER_COPY), new FeeInputs(3, 1, null));
		assertThat(amount.total()).isEqualTo(24_000);
		assertThat(amount.lines()).singleElement()
			.satisfies(l -> assertThat(l.count()).isEqualTo(3))
			.satisfies(l -> assertThat(l.unitAmount()).isEqualTo(8_000));
	}

	@Test
	void aPerPageFeeIsChargedForEachPage() {
		assertThat(Fees.amount(List.of(PER_PAGE), new FeeInputs(1, 4, null)).total()).isEqualTo(8_000);
	}

	@Test
	void anExemptFeeIsFreeAndSaysItsBasis() {
		Fees.Amount amount = Fees.amount(List.of(EXEMPT), FeeInputs.NONE);
		assertThat(amount.total()).isZero();
		assertThat(amount.lines()).singleElement()
			.satisfies(l -> assertThat(l.exemptedBy()).isEqualTo("Luật Hộ tịch 2014, Điều 11 khoản 1 điểm b"));
	}

	@Test
	void anExemptedGroupPaysNothingForTheFeesThatExemptIt() {
		Fees.Amount amount = Fees.amount(List.of(FIXED, PER_COPY), new FeeInputs(2, 1, "người thuộc hộ nghèo"));
		// the fixed fee exempts the poor; the copies are paid
		assertThat(amount.total()).isEqualTo(16_000);
		assertThat(amount.lines().get(0).amount()).isZero();
		assertThat(amount.lines().get(0).exemptedBy()).isEqualTo("Luật Hộ tịch 2014, Điều 11");
		assertThat(Fees.amount(List.of(FIXED), FeeInputs.NONE).total()).isEqualTo(15_000);
	}

	@Test
	void nothingSaidIsOneCopyOnePageNoGroup() {
		assertThat(Fees.amount(List.of(FIXED, PER_COPY, PER_PAGE, EXEMPT), null).total()).isEqualTo(25_000);
	}

	@Test
	void onlyWhatTheFeesNeedIsCheckedAndEachWrongInputNamesItsField() {
		assertThat(Fees.check(List.of(FIXED), new FeeInputs(0, 0, null))).isEmpty();
		assertThat(Fees.check(List.of(PER_COPY, PER_PAGE), new FeeInputs(0, Fees.MAX_COUNT + 1, "Sinh viên")))
			.extracting(Violation::field)
			.containsExactly("fee.copies", "fee.pages", "fee.applicantGroup");
		assertThat(Fees.check(List.of(FIXED), new FeeInputs(1, 1, POOR))).isEmpty();
	}

	@Test
	void theOldShapeIsAFixedFee() {
		ProcedureContent.Fee old = new ProcedureContent.Fee("Lệ phí", 8_000, "Nộp tại Bộ phận một cửa");
		assertThat(old.kind()).isEqualTo(FeeKind.FIXED);
		assertThat(old.exemptGroups()).isEmpty();
	}

}
