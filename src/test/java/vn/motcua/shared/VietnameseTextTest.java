package vn.motcua.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseTextTest {

	@Test
	void foldsTonesVowelMarksAndD() {
		assertThat(VietnameseText.fold("Giấy khai sinh")).isEqualTo("giay khai sinh");
		assertThat(VietnameseText.fold("ĐĂNG KÝ KẾT HÔN")).isEqualTo("dang ky ket hon");
		assertThat(VietnameseText.fold("  Chứng   thực\tbản sao ")).isEqualTo("chung thuc ban sao");
		assertThat(VietnameseText.fold("Ưu đãi người có công")).isEqualTo("uu dai nguoi co cong");
	}

	@Test
	void foldsComposedAndDecomposedAlike() {
		String composed = "Hộ tịch";
		String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
		assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold(composed)).isEqualTo("ho tich");
	}

	@Test
	void nullIsEmpty() {
		assertThat(VietnameseText.fold(null)).isEmpty();
	}

}
