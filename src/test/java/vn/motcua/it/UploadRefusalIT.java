package vn.motcua.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.motcua.dossier.DossierIntake;
import vn.motcua.org.Actor;
import vn.motcua.org.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Files that are never kept (issue 12): an empty file, one over the per-file limit (4 KB
 * here), a program renamed .pdf, a ZIP (and a .docx, a ZIP too), a "PDF" that is not one,
 * bytes that are not what the name says. Over the counter's intake form and over the API,
 * each is a 4xx problem naming its field (on the page in Vietnamese beside it, the rest
 * of the form kept), and nothing of it remains: no record, no content, no temporary file.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = { "motcua.test.database=upload-refusal", "motcua.files.max-size=4KB",
		"motcua.files.temp-dir=target/upload-refusal/incoming" })
class UploadRefusalIT {

	private static final Path INCOMING = Path.of("target/upload-refusal/incoming");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DossierIntake intake;

	@Autowired
	Officers officers;

	private String dossier;

	/** Where the content is kept (the tests' shared directory). */
	private Path store;

	@Autowired
	void store(org.springframework.core.env.Environment env) {
		this.store = Path.of(env.getRequiredProperty("motcua.files.dir"));
	}

	@BeforeAll
	void aDossierToDigitize() {
		Actor counter = Actor.of(this.officers.find(Api.COUNTER).orElseThrow());
		this.dossier = this.intake.intake(counter, Api.birth(), java.util.List.of()).dossier().code();
	}

	static byte[] pdf() {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.addPage(new PDPage());
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] bytes(String text, int size) {
		byte[] head = text.getBytes(StandardCharsets.ISO_8859_1);
		byte[] b = Arrays.copyOf(head, Math.max(size, head.length));
		Arrays.fill(b, head.length, b.length, (byte) 'x');
		return b;
	}

	/** What is sent, and the problem code it gets. */
	static Stream<Arguments> refused() {
		byte[] zip = bytes("PK\u0003\u0004\u0014\u0000\u0000\u0000", 300);
		return Stream.of(Arguments.of("empty", "to-khai.pdf", "application/pdf", new byte[0], "FILE_EMPTY"),
				Arguments.of("over the limit", "to-khai.pdf", "application/pdf", bytes("%PDF-1.7\n", 5000),
						"FILE_TOO_LARGE"),
				Arguments.of("EXE renamed .pdf", "to-khai.pdf", "application/pdf",
						bytes("MZ\u0090\u0000\u0003\u0000\u0000\u0000PE", 600), "FILE_REFUSED"),
				Arguments.of("ELF", "to-khai.pdf", "application/pdf", bytes("\u007fELF\u0002\u0001", 300),
						"FILE_REFUSED"),
				Arguments.of("script", "to-khai.png", "image/png", bytes("#!/bin/sh\nrm -rf /\n", 100), "FILE_REFUSED"),
				Arguments.of("ZIP", "giay-to.zip", "application/zip", zip, "FILE_REFUSED"),
				Arguments.of("docx named .pdf", "to-khai.pdf", "application/pdf", zip, "FILE_REFUSED"),
				Arguments.of("gzip", "to-khai.pdf", "application/pdf", bytes("\u001f\u008b\u0008", 100),
						"FILE_REFUSED"),
				Arguments.of("PDF without trailer", "to-khai.pdf", "application/pdf",
						bytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", 200), "FILE_NOT_PDF"),
				Arguments.of("PDF trailer but no PDF", "to-khai.pdf", "application/pdf",
						"%PDF-1.7\ngarbage\nstartxref\n99999\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1),
						"FILE_NOT_PDF"),
				Arguments.of("PDF named .png", "to-khai.png", "image/png", pdf(), "FILE_TYPE_MISMATCH"),
				Arguments.of("PDF named .exe", "to-khai.exe", "application/octet-stream", pdf(), "FILE_TYPE_MISMATCH"),
				Arguments.of("text", "to-khai.pdf", "application/pdf", bytes("hello", 50), "FILE_TYPE_MISMATCH"));
	}

	private long records() {
		return this.jdbc.sql("select count(*) from document_file").query(Long.class).single();
	}

	private static long count(Path dir) throws IOException {
		if (!java.nio.file.Files.isDirectory(dir)) {
			return 0;
		}
		try (Stream<Path> files = java.nio.file.Files.list(dir)) {
			return files.filter(java.nio.file.Files::isRegularFile).count();
		}
	}

	/**
	 * The contents in the store other than the papers the forms module issues (a receipt
	 * is made, signed and stored for each dossier just after its intake), once the events
	 * in flight are handled.
	 */
	private long contents() throws Exception {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline
				&& this.jdbc.sql("select count(*) from event_publication").query(Long.class).single() > 0) {
			Thread.sleep(50);
		}
		return Files.uploadedContents(this.jdbc, this.store);
	}

	private void nothingKept(long records, long contents) throws Exception {
		assertThat(records()).as("file records").isEqualTo(records);
		assertThat(contents()).as("contents in the store").isEqualTo(contents);
		assertThat(count(INCOMING)).as("temporary files").isZero();
	}

	@ParameterizedTest(name = "{0} over the intake form")
	@MethodSource("refused")
	void theCounterFormRefusesItBesideItsFieldAndKeepsNothing(String name, String filename, String type, byte[] bytes,
			String code) throws Exception {
		long records = records();
		long contents = contents();
		long dossiers = this.jdbc.sql("select count(*) from dossier").query(Long.class).single();
		this.mvc
			.perform(multipart("/can-bo/tiep-nhan").file(new MockMultipartFile("file-0", filename, type, bytes))
				.param("procedure", "1.001193")
				.param("channel", "COUNTER")
				.param("applicantName", "Lý Văn Sơn")
				.param("component", "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh",
						"Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)")
				.with(user(Api.COUNTER).roles("ONE_STOP_OFFICER"))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Tệp không hợp lệ")))
			.andExpect(content().string(containsString("file-0")))
			.andExpect(content().string(containsString("value=\"Lý Văn Sơn\"")));
		nothingKept(records, contents);
		assertThat(this.jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(dossiers);
	}

	@ParameterizedTest(name = "{0} over the API")
	@MethodSource("refused")
	void theApiRefusesItAsAProblemAndKeepsNothing(String name, String filename, String type, byte[] bytes, String code)
			throws Exception {
		long records = records();
		long contents = contents();
		this.mvc
			.perform(multipart("/api/v1/dossiers/{code}/files", this.dossier)
				.file(new MockMultipartFile("file", filename, type, bytes))
				.param("component", "Tờ khai đăng ký khai sinh")
				.with(Api.as(Api.COUNTER)))
			.andExpect(status().is4xxClientError())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		nothingKept(records, contents);
	}

	@Test
	void aRealPdfIsKeptOnceByItsHash() throws Exception {
		long records = records();
		byte[] pdf = pdf();
		this.mvc
			.perform(multipart("/api/v1/dossiers/{code}/files", this.dossier)
				.file(new MockMultipartFile("file", "to-\u0000khai.pdf", "application/pdf", pdf))
				.param("component", "Tờ khai đăng ký khai sinh")
				.with(Api.as(Api.COUNTER)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.filename").value("to-khai.pdf"))
			.andExpect(jsonPath("$.origin").value("DIGITIZED"))
			.andExpect(jsonPath("$.contentType").value("application/pdf"));
		assertThat(records()).isEqualTo(records + 1);
		String sha256 = java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
		assertThat(this.store.resolve(sha256)).exists().hasBinaryContent(pdf);
		assertThat(count(INCOMING)).as("temporary files").isZero();
	}

}
