package vn.motcua.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page policy lets the pay form's redirect reach the real gateway, and no more. */
class PagePolicyTest {

	@Test
	void theRealGatewaysOriginIsAddedToFormActionOnly() {
		String policy = SecurityConfiguration.csp("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
				"https://motcua.quangcu.gov.vn");
		assertThat(policy).contains("form-action 'self' https://sandbox.vnpayment.vn")
			.endsWith("form-action 'self' https://sandbox.vnpayment.vn");
		assertThat(policy.replace(" https://sandbox.vnpayment.vn", "")).isEqualTo(SecurityConfiguration.CSP);
		assertThat(SecurityConfiguration.csp("https://pay.vnpay.vn:8443/vpcpay.html?x=1", "https://motcua.test"))
			.endsWith("form-action 'self' https://pay.vnpay.vn:8443");
	}

	@Test
	void ourOwnSandboxOrNoPayUrlChangesNothing() {
		assertThat(SecurityConfiguration.csp("", "http://localhost:8080")).isEqualTo(SecurityConfiguration.CSP);
		assertThat(SecurityConfiguration.csp("http://localhost:8080/sandbox/vnpay/paymentv2/vpcpay.html",
				"http://localhost:8080/"))
			.isEqualTo(SecurityConfiguration.CSP);
		assertThat(SecurityConfiguration.csp("javascript:alert(1)", "http://localhost:8080"))
			.isEqualTo(SecurityConfiguration.CSP);
		assertThat(SecurityConfiguration.CSP).endsWith("form-action 'self'");
	}

}
