package vn.motcua.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.catalog.core.FeeKind;
import vn.motcua.catalog.core.FeeStage;
import vn.motcua.catalog.core.ProcedureContent;
import vn.motcua.shared.Problem.Violation;

import static org.assertj.core.api.Assertions.assertThat;

class ProcedureFormatsTest {

	private final ProcedureFormats formats = new ProcedureFormats();

	private final RowBuilder builder = new RowBuilder(LocalTime.of(15, 0), 8);

	@Test
	void csvListCellsHoldOneItemPerLineWithPipeSeparatedParts() {
		String csv = "code,name,field,level,statutoryAmount,statutoryUnit,committedAmount,committedUnit,onlineLevel,components,fees,steps\n"
				+ "1.001193,Đăng ký khai sinh,Hộ tịch,COMMUNE,1,WORKING_DAYS,5,WORKING_HOURS,FULL,\"Tờ khai | 1 | 0 | yes | Mẫu 01\n"
				+ "Giấy chứng sinh | 1 | 0 | có\",\"Lệ phí | 8.000 | \",\"Tiếp nhận | ONE_STOP_OFFICER | 0,5\n"
				+ "Xử lý | SPECIALIST | 4\"\n"
				+ "1.000894,Đăng ký kết hôn,Hộ tịch,COMMUNE,5,WORKING_DAYS,3,WORKING_DAYS,FULL,,,\n";
		List<Violation> errors = new ArrayList<>();
		List<RawProcedure> raws = this.formats.readCsv(csv.getBytes(StandardCharsets.UTF_8), errors);
		assertThat(errors).isEmpty();
		assertThat(raws).extracting(r -> r.line).containsExactly(2, 5);
		ImportRow row = this.builder.build(raws.get(0), errors);
		assertThat(errors).isEmpty();
		assertThat(row.content().components()).hasSize(2);
		assertThat(row.content().components().get(0).template()).isEqualTo("Mẫu 01");
		assertThat(row.content().fees().get(0).amount()).isEqualTo(8000);
		assertThat(row.content().steps().get(0).hours()).isEqualTo(0.5);
	}

	@Test
	void feesReadTheirKindExemptionAndStageFromCsvAndJsonAlike() {
		String csv = "code,name,field,level,statutoryAmount,statutoryUnit,committedAmount,committedUnit,onlineLevel,fees,feeStage\n"
				+ "1.004859,Cải chính hộ tịch,Hộ tịch,COMMUNE,3,WORKING_DAYS,2,WORKING_DAYS,FULL,\"Lệ phí | 15000 | | FIXED | Luật Hộ tịch, Điều 11 | Người thuộc hộ nghèo; Người khuyết tật\n"
				+ "Phí bản sao | 8000 | | PER_COPY\n"
				+ "Lệ phí kết hôn | | | EXEMPT | Luật Hộ tịch, Điều 11\",RESULT\n";
		String json = "[{\"code\": \"1.004859\", \"name\": \"Cải chính hộ tịch\", \"field\": \"Hộ tịch\", \"level\": \"COMMUNE\","
				+ " \"statutoryTime\": {\"amount\": 3, \"unit\": \"WORKING_DAYS\"}, \"committedTime\": {\"amount\": 2, \"unit\": \"WORKING_DAYS\"},"
				+ " \"onlineLevel\": \"FULL\", \"feeStage\": \"RESULT\", \"fees\": ["
				+ "{\"name\": \"Lệ phí\", \"amount\": 15000, \"kind\": \"FIXED\", \"exemptionBasis\": \"Luật Hộ tịch, Điều 11\","
				+ " \"exemptGroups\": [\"Người thuộc hộ nghèo\", \"Người khuyết tật\"]},"
				+ "{\"name\": \"Phí bản sao\", \"amount\": 8000, \"kind\": \"PER_COPY\"},"
				+ "{\"name\": \"Lệ phí kết hôn\", \"kind\": \"EXEMPT\", \"exemptionBasis\": \"Luật Hộ tịch, Điều 11\"}]}]";
		List<Violation> errors = new ArrayList<>();
		ImportRow fromCsv = this.builder
			.build(this.formats.readCsv(csv.getBytes(StandardCharsets.UTF_8), errors).get(0), errors);
		ImportRow fromJson = this.builder
			.build(this.formats.readJson(json.getBytes(StandardCharsets.UTF_8), errors).get(0), errors);
		assertThat(errors).isEmpty();
		assertThat(fromJson.content()).isEqualTo(fromCsv.content());
		assertThat(fromCsv.content().feeStage()).isEqualTo(FeeStage.RESULT);
		assertThat(fromCsv.content().fees()).extracting(ProcedureContent.Fee::kind)
			.containsExactly(FeeKind.FIXED, FeeKind.PER_COPY, FeeKind.EXEMPT);
		assertThat(fromCsv.content().exemptGroups()).containsExactly("Người thuộc hộ nghèo", "Người khuyết tật");
	}

	@Test
	void anExemptionWithoutItsLegalBasisIsRefused() {
		String csv = "code,name,field,level,statutoryAmount,statutoryUnit,committedAmount,committedUnit,onlineLevel,fees\n"
				+ "1.004859,Cải chính,Hộ tịch,COMMUNE,3,WORKING_DAYS,2,WORKING_DAYS,FULL,Lệ phí kết hôn | 0 | | EXEMPT\n";
		List<Violation> errors = new ArrayList<>();
		this.builder.build(this.formats.readCsv(csv.getBytes(StandardCharsets.UTF_8), errors).get(0), errors);
		assertThat(errors).extracting(Violation::field).containsExactly("fees[0].exemptionBasis");
	}

	@Test
	void aRowAfterAMultiLineCellIsReportedOnItsOwnLine() {
		String csv = "code,name,field,level,statutoryAmount,statutoryUnit,committedAmount,committedUnit,onlineLevel,legalBasis\n"
				+ "1.001193,Một,Hộ tịch,COMMUNE,1,WORKING_DAYS,5,WORKING_HOURS,FULL,\"Luật A\nLuật B\nLuật C\"\n"
				+ "1.000894,Hai,Hộ tịch,COMMUNE,5,WORKING_DAYS,three,WORKING_DAYS,FULL,\n";
		List<Violation> errors = new ArrayList<>();
		List<RawProcedure> raws = this.formats.readCsv(csv.getBytes(StandardCharsets.UTF_8), errors);
		raws.forEach(r -> this.builder.build(r, errors));
		assertThat(errors)
			.containsExactly(Violation.atLine(5, "committedTime.amount", "'three' is not a whole number"));
	}

	@Test
	void unknownColumnsAndFieldsAreErrors() {
		List<Violation> errors = new ArrayList<>();
		this.formats.readCsv("code,name,field,nmae\n".getBytes(StandardCharsets.UTF_8), errors);
		assertThat(errors).extracting(Violation::field).containsExactly("nmae");
		errors.clear();
		this.formats.readJson("[{\"code\": \"1.001193\", \"nmae\": \"x\"}]".getBytes(StandardCharsets.UTF_8), errors);
		assertThat(errors).extracting(Violation::field).containsExactly("nmae");
	}

	@Test
	void aFileThatIsNotUtf8IsRefused() {
		List<Violation> errors = new ArrayList<>();
		this.formats.readCsv(new byte[] { 'c', 'o', 'd', 'e', '\n', (byte) 0xC0, (byte) 0x80 }, errors);
		assertThat(errors).extracting(Violation::reason).containsExactly("is not UTF-8 text; save it as UTF-8");
	}

}
