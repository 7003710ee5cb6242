package vn.motcua.dossier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

	@Test
	void wordsAreFoldedLikeTheCatalogsSearch() {
		assertThat(SearchText.terms("  Nguyễn   VĂN an ")).containsExactly(new SearchText.Term("nguyen", null),
				new SearchText.Term("van", null), new SearchText.Term("an", null));
		assertThat(SearchText.terms("Đặng")).containsExactly(new SearchText.Term("dang", null));
	}

	@Test
	void aNumberTypedInGroupsIsOneTermOfItsDigitsWithPlus84AsZero() {
		assertThat(SearchText.terms("0912 345 678")).containsExactly(new SearchText.Term("0912 345 678", "0912345678"));
		assertThat(SearchText.terms("+84 912.345.678"))
			.containsExactly(new SearchText.Term("+84 912.345.678", "0912345678"));
		// a part of a code keeps its dash for the code, and its digits for the numbers
		assertThat(SearchText.terms("240115-0001")).containsExactly(new SearchText.Term("240115-0001", "2401150001"));
	}

	@Test
	void aCodeIsATermAndDigitsAmongWordsAreComparedWithTheNumbersToo() {
		assertThat(SearchText.terms("H56.15.40-250303")).containsExactly(new SearchText.Term("h56.15.40-250303", null));
		assertThat(SearchText.terms("An 1234")).containsExactly(new SearchText.Term("an", null),
				new SearchText.Term("1234", "1234"));
	}

	@Test
	void likeWildcardsAndBlanksFindNothingSpecial() {
		assertThat(SearchText.terms("%_\\")).isEmpty();
		assertThat(SearchText.terms("   ")).isEmpty();
		assertThat(SearchText.terms(null)).isEmpty();
		assertThat(SearchText.terms("a%b")).containsExactly(new SearchText.Term("a", null),
				new SearchText.Term("b", null));
	}

}
