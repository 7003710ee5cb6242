package vn.motcua.dossier.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LookupProofTest {

	@Test
	void theLastFourDigitsOfTheIdOrThePhoneProveIt() {
		assertThat(LookupProof.holds("1234", "038090001234", "0912345678")).isTrue();
		assertThat(LookupProof.holds("5678", "038090001234", "0912 345 678")).isTrue();
		assertThat(LookupProof.holds("5678", null, "+84 912 345 678")).isTrue();
	}

	@Test
	void anythingElseDoesNot() {
		assertThat(LookupProof.holds("0000", "038090001234", "0912345678")).isFalse();
		assertThat(LookupProof.holds("234", "038090001234", null)).isFalse();
		assertThat(LookupProof.holds(null, "038090001234", null)).isFalse();
		assertThat(LookupProof.holds("abcd", null, null)).isFalse();
	}

}
