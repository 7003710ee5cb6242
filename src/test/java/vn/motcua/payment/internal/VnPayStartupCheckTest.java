package vn.motcua.payment.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class VnPayStartupCheckTest {

	private static final String OWN = "http://localhost:8080/sandbox/vnpay/paymentv2/vpcpay.html";

	@Test
	void theSandboxStartsWithItsOwnSecretAndPayUrl() {
		assertThatCode(() -> VnPayStartupCheck.checkSandbox(true, "", "", OWN)).doesNotThrowAnyException();
		assertThatCode(() -> VnPayStartupCheck.checkSandbox(true, null, OWN, OWN)).doesNotThrowAnyException();
	}

	@Test
	void theSandboxRefusesAGivenSecret() {
		assertThatIllegalStateException().isThrownBy(() -> VnPayStartupCheck.checkSandbox(true, "REALSECRET", "", OWN))
			.withMessageContaining("MOTCUA_VNPAY_HASH_SECRET")
			.withMessageContaining("motcua.payment.sandbox.enabled");
	}

	@Test
	void theSandboxRefusesARealPayUrl() {
		assertThatIllegalStateException()
			.isThrownBy(() -> VnPayStartupCheck.checkSandbox(true, "",
					"https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", OWN))
			.withMessageContaining("MOTCUA_VNPAY_PAY_URL")
			.withMessageContaining("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html");
	}

	@Test
	void withTheSandboxOffAnythingGoes() {
		assertThatCode(
				() -> VnPayStartupCheck.checkSandbox(false, "REALSECRET", "https://pay.vnpay.vn/vpcpay.html", OWN))
			.doesNotThrowAnyException();
	}

	@Test
	void productionStartsWhenSetUp() {
		assertThatCode(() -> VnPayStartupCheck.checkProduction("MOTCUA01", "SECRET",
				"https://motcua.quangcu.gov.vn/thanh-toan/vnpay/ket-qua",
				"https://motcua.quangcu.gov.vn/api/v1/payments/vnpay/ipn"))
			.doesNotThrowAnyException();
	}

	@Test
	void productionRefusesABlankTerminalCodeOrSecret() {
		assertThatIllegalStateException()
			.isThrownBy(() -> VnPayStartupCheck.checkProduction(" ", "SECRET", "https://motcua.test/ket-qua",
					"https://motcua.test/ipn"))
			.withMessageContaining("MOTCUA_VNPAY_TMN_CODE");
		assertThatIllegalStateException()
			.isThrownBy(() -> VnPayStartupCheck.checkProduction("MOTCUA01", "", "https://motcua.test/ket-qua",
					"https://motcua.test/ipn"))
			.withMessageContaining("MOTCUA_VNPAY_HASH_SECRET");
	}

	@Test
	void productionRefusesAReturnOrIpnUrlOnThisMachine() {
		for (String local : new String[] { "http://localhost:8080/thanh-toan/vnpay/ket-qua",
				"http://127.0.0.1/thanh-toan/vnpay/ket-qua", "http://[::1]:8080/x", "not a url" }) {
			assertThatIllegalStateException()
				.isThrownBy(
						() -> VnPayStartupCheck.checkProduction("MOTCUA01", "SECRET", local, "https://motcua.test/ipn"))
				.withMessageContaining("return URL");
		}
		assertThatIllegalStateException().isThrownBy(() -> VnPayStartupCheck.checkProduction("MOTCUA01", "SECRET",
				"https://motcua.test/ket-qua", "http://localhost:8080/api/v1/payments/vnpay/ipn"))
			.withMessageContaining("IPN URL");
	}

}
