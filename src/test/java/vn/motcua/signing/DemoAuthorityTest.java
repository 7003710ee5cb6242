package vn.motcua.signing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.token.DSSPrivateKeyEntry;

import vn.motcua.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoAuthorityTest {

	@TempDir
	Path dir;

	private DemoAuthority authority() {
		return new DemoAuthority(new KeyDirectory(this.dir.toString(), "", true));
	}

	@Test
	void twoInstancesStartingTogetherMakeOneAuthorityAndOneKey() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<X509Certificate>> made = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				// each as a separate instance of the application would: its own objects
				DemoAuthority authority = authority();
				made.add(pool.submit((Callable<X509Certificate>) () -> {
					authority.issue(Signer.officer("quangcu.lanhdao"), "Trần Văn Minh", "Phường Quảng Cư");
					return authority.certificate();
				}));
			}
			X509Certificate first = made.get(0).get();
			for (Future<X509Certificate> f : made) {
				assertThat(f.get()).isEqualTo(first);
			}
		}
		finally {
			pool.shutdown();
		}
		KeyDirectory keys = new KeyDirectory(this.dir.toString(), "", true);
		DSSPrivateKeyEntry key = keys.key(Signer.officer("quangcu.lanhdao"));
		assertThat(key.getCertificate().getSubject().getPrincipal().getName()).contains("CN=Trần Văn Minh (DEMO)",
				"UID=quangcu.lanhdao", "MotCua DEMO");
		assertThat(key.getCertificateChain()).hasSize(2);
		try (var files = Files.list(this.dir)) {
			assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".new-")
				.allMatch(name -> !name.endsWith(".tmp"));
		}
	}

	@Test
	void aRestartKeepsTheAuthorityAndTheKeys() throws Exception {
		authority().issue(Signer.unitSeal("H56.15.40"), "Phường Quảng Cư", "Phường Quảng Cư");
		byte[] seal = Files.readAllBytes(this.dir.resolve("units/H56.15.40.p12"));
		X509Certificate ca = authority().certificate();
		authority().issue(Signer.unitSeal("H56.15.40"), "Phường Quảng Cư", "Phường Quảng Cư");
		assertThat(authority().certificate()).isEqualTo(ca);
		assertThat(Files.readAllBytes(this.dir.resolve("units/H56.15.40.p12"))).isEqualTo(seal);
		assertThat(ca.getSubjectX500Principal().getName()).contains("MotCua DEMO CA — không có giá trị pháp lý");
	}

	@Test
	void aNameCannotLeaveTheDirectory() {
		assertThatThrownBy(() -> Signer.officer("../demo-ca")).isInstanceOf(Problem.class);
		assertThatThrownBy(() -> Signer.unitSeal(".hidden")).isInstanceOf(Problem.class);
	}

}
