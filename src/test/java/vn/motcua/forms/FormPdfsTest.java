package vn.motcua.forms;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.motcua.catalog.core.FeeInputs;
import vn.motcua.catalog.core.FeeKind;
import vn.motcua.catalog.core.FeeStage;
import vn.motcua.catalog.core.Fees;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.dossier.DossierFee;
import vn.motcua.dossier.DossierSummary;
import vn.motcua.dossier.DossierView;
import vn.motcua.dossier.core.DossierStatus;
import vn.motcua.dossier.core.Timeliness;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.forms.FormFixture.QUANG_CU;
import static vn.motcua.forms.FormFixture.aDossier;
import static vn.motcua.forms.FormFixture.vn;

/**
 * Every form as PDF, read back with poppler's {@code pdftotext}: its Vietnamese text
 * exactly, diacritics and all, on both form sets. Skipped, saying so, where
 * {@code /usr/bin/pdftotext} is not installed (Debian's poppler-utils; CI installs it).
 */
class FormPdfsTest {

	static final FormSets SETS = FormSets.bundled();

	static final Instant JULY = vn("2025-07-01T09:00");

	@BeforeAll
	static void poppler() {
		PdfText.assumeInstalled();
	}

	static String text(byte[] pdf) throws IOException, InterruptedException {
		return PdfText.of(pdf);
	}

	static String flat(String text) {
		return PdfText.flat(text);
	}

	static FormSets.Form form(Instant receivedAt, FormKind kind) {
		return SETS.at(receivedAt).form(kind).orElseThrow();
	}

	static void heading(String text, String number) {
		assertThat(text).contains("Mẫu số " + number, "UBND PHƯỜNG QUẢNG CƯ", "BỘ PHẬN MỘT CỬA",
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
	}

	@Test
	void theReceiptReadsBackWithEveryDiacriticAndItsQrCode() throws Exception {
		DossierView d = aDossier("H56.15.40-250701-0001", JULY, 3, 1);
		String text = text(FormPdfs.receipt(form(JULY, FormKind.RECEIPT), QUANG_CU, d, "H56.15.40-250701-0001",
				"Trần Văn Đức", "http://localhost:8080/tra-cuu?code=H56.15.40-250701-0001"));
		heading(text, "01");
		assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Số: H56.15.40-250701-0001",
				"Quảng Cư, ngày 01 tháng 07 năm 2025", "Lê Thị Ánh Tuyết", "038190000123", "Đăng ký khai sinh",
				"Tờ khai đăng ký khai sinh", "1 ngày làm việc", "09 giờ 00 phút, ngày 01/07/2025",
				"17 giờ 00 phút, ngày 01/07/2025", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Văn Đức",
				"http://localhost:8080/tra-cuu?code=H56.15.40-250701-0001");
	}

	@Test
	void theReceiptSaysTheFeeItsLinesAndWhetherItIsPaid() throws Exception {
		Fees.Amount amount = Fees.amount(List.of(new ProcedureContent.Fee("Phí cấp bản sao trích lục hộ tịch",
				FeeKind.PER_COPY, 8_000, null, null, List.of())), new FeeInputs(3, 1, null));
		DossierFee fee = new DossierFee(amount.total(), FeeStage.INTAKE, null, null, amount.lines(), null);
		DossierView d = aDossier("H56.15.40-250701-0004", JULY, 3, 1, fee);
		String text = PdfText.flat(text(FormPdfs.receipt(form(JULY, FormKind.RECEIPT), QUANG_CU, d, d.code(),
				"Trần Văn Đức", "http://localhost:8080/tra-cuu?code=" + d.code())));
		assertThat(text).contains("Phí, lệ phí", "24.000 đồng", "3 bản × 8.000 đồng", "chưa nộp");
		assertThat(FormPdfs.fee(null)).isEqualTo("Không");
		Fees.Amount exempt = Fees.amount(List.of(new ProcedureContent.Fee("Lệ phí đăng ký kết hôn", FeeKind.EXEMPT, 0,
				null, "Luật Hộ tịch 2014, Điều 11", List.of())), FeeInputs.NONE);
		assertThat(FormPdfs.fee(new DossierFee(0, FeeStage.INTAKE, null, null, exempt.lines(), null)))
			.isEqualTo("Miễn (Lệ phí đăng ký kết hôn: miễn (Luật Hộ tịch 2014, Điều 11))");
	}

	@Test
	void manyComponentsFlowOntoFurtherPagesAndLongTextsWrap() throws Exception {
		DossierView d = aDossier("H56.15.40-250701-0002", JULY, 60, 1);
		String text = text(FormPdfs.receipt(form(JULY, FormKind.RECEIPT), QUANG_CU, d, d.code(), "Trần Văn Đức",
				"http://localhost:8080/tra-cuu?code=" + d.code()));
		assertThat(text).contains("Trang 2", "bản số 60", "Tên giấy tờ");
		assertThat(text.split("\f")).hasSizeGreaterThan(2);
	}

	@Test
	void theSupplementRequestAndTheGuidanceSlipListWhatToAdd() throws Exception {
		String text = text(FormPdfs.supplementRequest(form(JULY, FormKind.SUPPLEMENT_REQUEST), QUANG_CU,
				new FormPdfs.Subject("Phạm Quốc Hưng", "038090001234", null, null, "Đăng ký kết hôn", null),
				List.of("Giấy xác nhận tình trạng hôn nhân", "Bản sao giấy khai sinh có chứng thực"), "P12/YCBS", JULY,
				"Trần Văn Đức"));
		heading(text, "02");
		assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Phạm Quốc Hưng",
				"1. Giấy xác nhận tình trạng hôn nhân", "2. Bản sao giấy khai sinh có chứng thực", "Số: P12/YCBS");
	}

	@Test
	void theRefusalGivesItsReasons() throws Exception {
		String text = text(FormPdfs.refusal(form(JULY, FormKind.REFUSAL), QUANG_CU,
				new FormPdfs.Subject("Đỗ Thị Thủy", null, null, null, "Đăng ký khai sinh", "H56.15.40-250701-0003"),
				"Người nộp không thuộc thẩm quyền giải quyết của phường; đề nghị nộp tại nơi cư trú.", "X/TCHS", JULY,
				"Trần Văn Đức"));
		heading(text, "03");
		assertThat(text).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Đỗ Thị Thủy",
				"Người nộp không thuộc thẩm quyền giải quyết của phường", "H56.15.40-250701-0003");
	}

	@Test
	void theApologyGivesTheReasonAndTheNewDueTime() throws Exception {
		DossierView d = aDossier("H56.15.40-250701-0004", JULY, 2, 2);
		String text = text(FormPdfs.apology(form(JULY, FormKind.APOLOGY), QUANG_CU, d,
				"Cần xác minh thông tin hộ tịch tại địa phương khác.", vn("2025-07-02T09:00"), vn("2025-07-04T16:30"),
				"X/XLHS", vn("2025-07-01T14:00"), "Nguyễn Văn Lãnh"));
		heading(text, "04");
		assertThat(text).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Lê Thị Ánh Tuyết",
				"Cần xác minh thông tin hộ tịch tại địa phương khác.", "16 giờ 30 phút, ngày 04/07/2025",
				"09 giờ 00 phút, ngày 02/07/2025");
	}

	@Test
	void theStopNoticeIsOnlyInTheNewSet() throws Exception {
		DossierView d = aDossier("H56.15.40-250701-0005", JULY, 2, 2);
		String text = text(FormPdfs.stopNotice(form(JULY, FormKind.STOP_NOTICE), QUANG_CU, d, "X/DGQ",
				vn("2025-07-01T15:00"), "Nguyễn Văn Lãnh"));
		heading(text, "05");
		assertThat(text).contains("PHIẾU DỪNG GIẢI QUYẾT HỒ SƠ", "Theo đề nghị của người nộp hồ sơ",
				"15 giờ 00 phút, ngày 01/07/2025");
		assertThat(SETS.at(vn("2025-06-30T16:00")).form(FormKind.STOP_NOTICE)).isEmpty();
	}

	@Test
	void theControlSlipListsEveryHandOverWithItsVerdict() throws Exception {
		DossierView d = aDossier("H56.15.40-250701-0006", JULY, 2, 40);
		String text = text(
				FormPdfs.controlSlip(form(JULY, FormKind.CONTROL_SLIP), QUANG_CU, d, "X/KSQT", vn("2025-07-10T10:00")));
		heading(text, "06");
		// a cell's text wraps within its column: read with the lines joined
		assertThat(flat(text)).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Giao, nhận hồ sơ",
				"Nhận: Nguyễn Thị Hồng Nhung 1", "Trước hạn", "Quá hạn", "Đang xử lý", "Trang 2",
				"Thẩm định hồ sơ bước 40");
		// before 1 July 2025 the control slip was Form 05
		String before = text(FormPdfs.controlSlip(form(vn("2025-06-30T16:00"), FormKind.CONTROL_SLIP), QUANG_CU,
				aDossier("H56.15.40-250630-0001", vn("2025-06-30T16:00"), 1, 2), "X/KSQT", vn("2025-07-10T10:00")));
		assertThat(before).contains("Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
	}

	@Test
	void theRegisterListsTheUnitsDossiersOfThePeriod() throws Exception {
		List<DossierSummary> rows = new java.util.ArrayList<>();
		for (int i = 1; i <= 70; i++) {
			rows.add(new DossierSummary("H56.15.40-250701-" + String.format("%04d", i), "1.001193", "Đăng ký khai sinh",
					"Hoàng Thị Ngọc Ánh " + i, i % 2 == 0 ? DossierStatus.RETURNED : DossierStatus.IN_PROCESSING, JULY,
					JULY.plusSeconds(8 * 3600), false, 0, i % 2 == 0 ? Timeliness.ON_TIME : null, null, null));
		}
		String text = text(FormPdfs.register(form(JULY, FormKind.REGISTER), QUANG_CU, LocalDate.of(2025, 7, 1),
				LocalDate.of(2025, 7, 31), rows, "2025-07/STD", vn("2025-08-01T08:00")));
		heading(text, "07");
		assertThat(flat(text)).contains("SỔ THEO DÕI HỒ SƠ", "từ ngày 01/07/2025 đến ngày 31/07/2025",
				"Hoàng Thị Ngọc Ánh 70", "Đã trả kết quả (Đúng hạn)", "Tổng số hồ sơ: 70", "Trang 2");
		String before = text(
				FormPdfs.register(form(vn("2025-06-30T16:00"), FormKind.REGISTER), QUANG_CU, LocalDate.of(2025, 6, 1),
						LocalDate.of(2025, 6, 30), rows.subList(0, 2), "2025-06/STD", vn("2025-07-01T08:00")));
		assertThat(before).contains("Mẫu số 06", "SỔ THEO DÕI HỒ SƠ");
	}

}
