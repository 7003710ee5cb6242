package vn.motcua.forms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseNumbersTest {

	@Test
	void feesOfTheCatalogReadAsAReceiptWritesThem() {
		assertThat(VietnameseNumbers.words(50_000)).isEqualTo("Năm mươi nghìn");
		assertThat(VietnameseNumbers.words(15_000)).isEqualTo("Mười lăm nghìn");
		assertThat(VietnameseNumbers.words(8_000)).isEqualTo("Tám nghìn");
		assertThat(VietnameseNumbers.words(4_500_000)).isEqualTo("Bốn triệu năm trăm nghìn");
	}

	@Test
	void linhMotLamAndTuFollowTheTens() {
		assertThat(VietnameseNumbers.words(105)).isEqualTo("Một trăm linh năm");
		assertThat(VietnameseNumbers.words(21)).isEqualTo("Hai mươi mốt");
		assertThat(VietnameseNumbers.words(11)).isEqualTo("Mười một");
		assertThat(VietnameseNumbers.words(15)).isEqualTo("Mười lăm");
		assertThat(VietnameseNumbers.words(24)).isEqualTo("Hai mươi tư");
		assertThat(VietnameseNumbers.words(14)).isEqualTo("Mười bốn");
	}

	@Test
	void aGroupInsideTheNumberReadsItsHundredsAndEmptyGroupsAreSkipped() {
		assertThat(VietnameseNumbers.words(100_005)).isEqualTo("Một trăm nghìn không trăm linh năm");
		assertThat(VietnameseNumbers.words(1_000_000_000)).isEqualTo("Một tỷ");
		assertThat(VietnameseNumbers.words(2_000_050)).isEqualTo("Hai triệu không trăm năm mươi");
		assertThat(VietnameseNumbers.words(0)).isEqualTo("Không");
	}

}
