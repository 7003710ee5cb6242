package vn.motcua.it;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.IntakeOutcome;
import vn.motcua.notification.Notifications;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An intake with scans is all or nothing: an accepted dossier has the files handed in
 * with it, and the files of an intake that fails do not stay behind, on disk or in the
 * database. Online submission with a scan, the e-mail code way, takes the dossier in with
 * its file.
 */
@IntegrationTest
class AtomicIntakeIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DossierIntake intake;

	@Autowired
	vn.motcua.document.Uploads uploads;

	@Autowired
	Officers officers;

	@Autowired
	Notifications notifications;

	@Autowired
	PlatformTransactionManager transactions;

	/** A PNG no other test uploads: its own content, so its own file on disk. */
	private static byte[] uniquePng() {
		byte[] png = Files.png();
		byte[] tail = UUID.randomUUID().toString().getBytes();
		byte[] bytes = java.util.Arrays.copyOf(png, png.length + tail.length);
		System.arraycopy(tail, 0, bytes, png.length, tail.length);
		return bytes;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private long filesWithContent(String sha256) {
		return this.jdbc.sql("select count(*) from document_file where sha256 = ?")
			.param(sha256)
			.query(Long.class)
			.single();
	}

	@Test
	void anAcceptedIntakeKeepsItsScansInItsOwnTransaction() throws Exception {
		byte[] scan = uniquePng();
		Actor counter = Actor.of(this.officers.find(Api.COUNTER).orElseThrow());
		DossierIntake.IntakeResult result = this.intake.intake(counter, Api.birth(),
				List.of(Files.scan("file-0", "Tờ khai đăng ký khai sinh", "to-khai.png", "image/png", scan)));
		assertThat(result.outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
		assertThat(this.jdbc.sql("select dossier_code from document_file where sha256 = ?")
			.param(sha256(scan))
			.query(String.class)
			.list()).containsExactly(result.dossier().code());
		assertThat(Path.of("target/test-files", sha256(scan))).exists();
	}

	@Test
	void aFailedIntakeKeepsNoFiles() throws Exception {
		byte[] scan = uniquePng();
		Actor counter = Actor.of(this.officers.find(Api.COUNTER).orElseThrow());
		long dossiers = this.jdbc.sql("select count(*) from dossier").query(Long.class).single();
		// the intake succeeds, then something later in the same transaction fails
		assertThatThrownBy(() -> new TransactionTemplate(this.transactions).executeWithoutResult(tx -> {
			this.intake.intake(counter, Api.birth(),
					List.of(Files.scan("file-0", "Tờ khai đăng ký khai sinh", "to-khai.png", "image/png", scan)));
			throw new IllegalStateException("the connection broke");
		})).hasMessage("the connection broke");
		assertThat(filesWithContent(sha256(scan))).isZero();
		assertThat(Path.of("target/test-files", sha256(scan))).doesNotExist();
		assertThat(this.jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiers);
	}

	@Test
	void aBadScanKeepsNothingAndUsesNoCode() throws Exception {
		Actor counter = Actor.of(this.officers.find(Api.COUNTER).orElseThrow());
		long dossiers = this.jdbc.sql("select count(*) from dossier").query(Long.class).single();
		assertThatThrownBy(() -> this.uploads.receive("file-1", "Tờ khai đăng ký khai sinh", "x.pdf", "application/pdf",
				new java.io.ByteArrayInputStream(uniquePng())))
			.hasMessageContaining("not what the name or the declared type says");
		assertThat(this.jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiers);
	}

	@Test
	void anOnlineSubmissionWithAScanIsTakenInWithIt() throws Exception {
		byte[] scan = uniquePng();
		String page = this.mvc
			.perform(
					multipart("/nop-truc-tuyen").file(new MockMultipartFile("file-0", "to-khai.png", "image/png", scan))
						.param("unit", Api.WARD)
						.param("procedure", "1.001193")
						.param("name", "Phan Thị Hoa")
						.param("idNumber", "038199001234")
						.param("email", "phan.hoa.scan@example.vn")
						.param("component", "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh",
								"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)")
						.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"pendingId\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String pendingId = page.replaceAll("(?s).*name=\"pendingId\" value=\"([^\"]+)\".*", "$1");
		assertThat(this.jdbc.sql("select dossier_code from document_file where sha256 = ?")
			.param(sha256(scan))
			.query(String.class)
			.single()).isEqualTo("pending:" + pendingId);
		String code = this.notifications.latest(20)
			.stream()
			.filter(m -> m.recipient().equals("phan.hoa.scan@example.vn"))
			.findFirst()
			.orElseThrow()
			.subject()
			.replaceAll(".*(\\d{6}).*", "$1");
		this.mvc
			.perform(post("/nop-truc-tuyen/xac-minh").param("pendingId", pendingId)
				.param("code", code)
				.param("email", "phan.hoa.scan@example.vn")
				.with(csrf()))
			.andExpect(status().isOk());
		// a second confirmation (a double click) takes in no second dossier
		this.mvc
			.perform(post("/nop-truc-tuyen/xac-minh").param("pendingId", pendingId)
				.param("code", code)
				.param("email", "phan.hoa.scan@example.vn")
				.with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc.sql("select count(*) from dossier where applicant_name = ?")
			.param("Phan Thị Hoa")
			.query(Long.class)
			.single()).isEqualTo(1);
		String dossierCode = this.jdbc.sql("select dossier_code from document_file where sha256 = ?")
			.param(sha256(scan))
			.query(String.class)
			.single();
		assertThat(dossierCode).startsWith(Api.WARD + "-");
		assertThat(this.jdbc.sql("select applicant_name from dossier where code = ?")
			.param(dossierCode)
			.query(String.class)
			.single()).isEqualTo("Phan Thị Hoa");
	}

}
