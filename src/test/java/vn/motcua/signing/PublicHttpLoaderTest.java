package vn.motcua.signing;

import eu.europa.esig.dss.model.DSSException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The addresses an uploaded PDF's certificates name are fetched only when they are
 * http(s) to public hosts: the public signature check must not reach the server's own
 * network.
 */
class PublicHttpLoaderTest {

	@ParameterizedTest
	@ValueSource(strings = { "file:///etc/passwd", "ftp://93.184.216.34/ca.crl", "ldap://93.184.216.34/cn=ca",
			"jar:file:/tmp/x.jar!/a", "http://127.0.0.1:8080/actuator", "http://localhost/ca.crt",
			"http://10.0.0.5/crl", "http://192.168.1.1/crl", "http://172.16.0.1/crl",
			"http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/crl", "http://[::1]/crl",
			"http://[fd00::1]/crl", "http://0.0.0.0/crl", "http://224.0.0.1/crl", "not an address" })
	void privateAddressesAndOtherSchemesAreNeverFetched(String url) {
		assertThatThrownBy(() -> PublicHttpLoader.checked(url)).isInstanceOf(DSSException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://93.184.216.34/ca.crl", "https://8.8.8.8/ocsp" })
	void publicAddressesAreFetched(String url) {
		assertThat(PublicHttpLoader.checked(url)).hasToString(url);
	}

}
