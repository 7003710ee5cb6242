package vn.motcua.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy, over real HTTP (issue 10, ADR 27): the client's address comes
 * from {@code X-Forwarded-For} when the connection is from a trusted proxy (here
 * loopback, as in the production profile), so each citizen has their own look-up budget;
 * and a redirect never echoes the Host header a client sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.forward-headers-strategy=native",
				"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1",
				"server.tomcat.remoteip.remote-ip-header=X-Forwarded-For", "motcua.limits.lookup.limit=3",
				"spring.datasource.hikari.maximum-pool-size=4" })
@ContextConfiguration(initializers = TestDatabase.class)
class ProxyIT {

	@LocalServerPort
	int port;

	/** The status line and headers of a GET sent as written. */
	private String get(String path, String... headers) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nConnection: close\r\n");
			boolean host = false;
			for (String header : headers) {
				request.append(header).append("\r\n");
				host |= header.toLowerCase().startsWith("host:");
			}
			if (!host) {
				request.append("Host: 127.0.0.1:").append(this.port).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
		}
	}

	@Test
	void eachCitizenBehindTheProxyHasTheirOwnBudget() throws IOException {
		String lookup = "/api/v1/lookup/H56.15.40-000000-9999?digits=1234";
		for (int i = 0; i < 3; i++) {
			assertThat(get(lookup, "X-Forwarded-For: 203.0.113.7")).startsWith("HTTP/1.1 404");
		}
		assertThat(get(lookup, "X-Forwarded-For: 203.0.113.7")).startsWith("HTTP/1.1 429")
			.containsIgnoringCase("Retry-After:");
		// another citizen through the same proxy
		assertThat(get(lookup, "X-Forwarded-For: 203.0.113.8")).startsWith("HTTP/1.1 404");
		// a client that writes an address into the header itself is still counted by who
		// it
		// is: the proxy (here the test) adds the real one on the right
		assertThat(get(lookup, "X-Forwarded-For: 198.51.100.1, 203.0.113.7")).startsWith("HTTP/1.1 429");
	}

	@Test
	void aRedirectNeverEchoesTheHostAClientSent() throws IOException {
		String answer = get("/can-bo", "Host: evil.example");
		assertThat(answer).startsWith("HTTP/1.1 302");
		assertThat(answer).containsPattern("(?i)location: /dang-nhap").doesNotContain("evil.example");
	}

}
