package vn.motcua.it;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.Application;
import vn.motcua.document.FileStore;
import vn.motcua.document.S3FileStore;
import vn.motcua.dossier.AbandonedSubmissions;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierIntake;
import vn.motcua.dossier.OnlineSubmissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances of the application on one database, over real HTTP (ADR 23, 24): an
 * officer signs in through one and works on through the other (the session is in the
 * database); a scan uploaded through one downloads through the other, from a shared
 * directory and from an S3-compatible store (s3rver, skipped where npm cannot install
 * it); the look-up limit is spent across both; and both sweep abandoned submissions at
 * the same moment without an error or a file left behind. On H2 the instances share an
 * in-memory database; with {@code -Ppostgres}, a fresh PostgreSQL database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralInstancesIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private Map<String, Object> database;

	private Path sharedDir;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@BeforeAll
	void twoInstancesOnOneDatabaseAndOneDirectory() throws IOException {
		this.database = new HashMap<>(TestDatabase.fresh());
		this.sharedDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "shared-files-");
		Map<String, Object> files = Map.of("motcua.files.store", "directory", "motcua.files.dir", this.sharedDir);
		this.a = start(this.database, files);
		this.b = start(this.database, files);
	}

	@AfterAll
	void stop() {
		if (this.a != null) {
			this.a.close();
		}
		if (this.b != null) {
			this.b.close();
		}
	}

	@Test
	void aScanUploadedThroughOneInstanceDownloadsThroughTheOtherFromTheSharedDirectory() throws Exception {
		byte[] scan = png("A-" + UUID.randomUUID());
		String code = uploadThroughAndDownloadThrough(this.a, this.b, scan);
		String sha256 = jdbc(this.a).sql("select sha256 from document_file where dossier_code = ?")
			.param(code)
			.query(String.class)
			.single();
		assertThat(this.sharedDir.resolve(sha256)).hasBinaryContent(scan);
	}

	@Test
	void aScanUploadedThroughOneInstanceDownloadsThroughTheOtherFromAnS3Store() throws Exception {
		S3Server.Started s3 = S3Server.start();
		Assumptions.assumeTrue(s3.server() != null, () -> "No S3-compatible server for this test: " + s3.whyNot());
		ConfigurableApplicationContext one = null;
		ConfigurableApplicationContext two = null;
		try (S3Server server = s3.server()) {
			Map<String, Object> store = Map.of("motcua.files.store", "s3", "motcua.files.s3.endpoint",
					server.endpoint(), "motcua.files.s3.region", "us-east-1", "motcua.files.s3.bucket", "motcua-files",
					"motcua.files.s3.access-key", S3Server.ACCESS_KEY, "motcua.files.s3.secret-key",
					S3Server.SECRET_KEY, "motcua.files.s3.create-bucket", "true",
					// no instance may find the content on a disk of its own
					"motcua.files.dir", "target/no-such-dir-" + UUID.randomUUID());
			one = start(this.database, store);
			two = start(this.database, store);
			byte[] scan = png("S3-" + UUID.randomUUID());
			String code = uploadThroughAndDownloadThrough(one, two, scan);
			String sha256 = jdbc(one).sql("select sha256 from document_file where dossier_code = ?")
				.param(code)
				.query(String.class)
				.single();
			try (var in = two.getBean(FileStore.class).open(sha256).orElseThrow()) {
				assertThat(in.readAllBytes()).isEqualTo(scan);
			}
			// a bucket that is not there stops the start, not the first upload
			assertThatThrownBy(() -> new S3FileStore(new S3FileStore.Settings(server.endpoint(), "us-east-1",
					"no-such-bucket", S3Server.ACCESS_KEY, S3Server.SECRET_KEY, false)))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("No bucket no-such-bucket");
		}
		finally {
			if (one != null) {
				one.close();
			}
			if (two != null) {
				two.close();
			}
		}
	}

	@Test
	void theLookUpLimitIsSpentAcrossBothInstances() throws Exception {
		String code = jdbc(this.a).sql("select code from dossier order by code fetch first 1 rows only")
			.query(String.class)
			.optional()
			.orElseGet(() -> uploadThroughAndDownloadThrough(this.a, this.b, png("L")));
		String digits = lastFourDigitsOf(code);
		for (int i = 0; i < 30; i++) {
			HttpResponse<String> ok = get(this.a, "/api/v1/lookup/" + code + "?digits=" + digits, null);
			assertThat(ok.statusCode()).as("look-up %d through A", i + 1).isEqualTo(200);
		}
		HttpResponse<String> refused = get(this.b, "/api/v1/lookup/" + code + "?digits=" + digits, null);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 600L));
		assertThat(refused.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"");
		// the look-up page through B is refused the same way
		HttpResponse<String> page = get(this.b, "/tra-cuu?code=" + code + "&digits=" + digits, null);
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void bothInstancesSweepAbandonedSubmissionsAtOnceWithoutErrorOrLeftovers() throws Exception {
		OnlineSubmissions submissions = this.a.getBean(OnlineSubmissions.class);
		DossierIntake.IntakeRequest birth = Api.birth();
		List<String> ids = new ArrayList<>();
		List<String> contents = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			byte[] scan = png("P" + i + "-" + UUID.randomUUID());
			OnlineSubmissions.Started started = submissions.start("bo-do-" + i + "@example.vn",
					new DossierIntake.IntakeRequest(birth.unitCode(), birth.procedureCode(), Channel.ONLINE,
							new Applicant("Bỏ Dở " + i, "038166" + String.format("%06d", i), null, null, null),
							birth.components(), false, null),
					List.of(vn.motcua.it.Files.scan("file-0", birth.components().get(0).name(), "to-khai.png",
							"image/png", scan)));
			ids.add(started.pendingId());
			contents.add(jdbc(this.a).sql("select sha256 from document_file where dossier_code = ?")
				.param("pending:" + started.pendingId())
				.query(String.class)
				.single());
		}
		// one more, started just now: not abandoned yet
		OnlineSubmissions.Started fresh = submissions.start("moi@example.vn",
				new DossierIntake.IntakeRequest(birth.unitCode(), birth.procedureCode(), Channel.ONLINE,
						new Applicant("Mới Nộp", "038166999999", null, null, null), birth.components(), false, null),
				List.of(vn.motcua.it.Files.scan("file-0", birth.components().get(0).name(), "to-khai.png", "image/png",
						png("fresh-" + UUID.randomUUID()))));
		for (String id : ids) {
			jdbc(this.a).sql("update dossier_pending_submission set created_at = ?, expires_at = ? where id = ?")
				.params(vn.motcua.shared.Sql.utc(java.time.Instant.now().minus(java.time.Duration.ofDays(2))),
						vn.motcua.shared.Sql.utc(java.time.Instant.now().minus(java.time.Duration.ofDays(2))), id)
				.update();
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Integer>> sweeps = new ArrayList<>();
			for (ConfigurableApplicationContext instance : List.of(this.a, this.b)) {
				AbandonedSubmissions sweep = instance.getBean(AbandonedSubmissions.class);
				sweeps.add(pool.submit(() -> {
					go.await();
					return sweep.sweep();
				}));
			}
			go.countDown();
			int swept = 0;
			for (Future<Integer> f : sweeps) {
				swept += f.get();
			}
			// each submission deleted once, by one instance or the other
			assertThat(swept).isEqualTo(ids.size());
		}
		finally {
			pool.shutdownNow();
		}
		JdbcClient jdbc = jdbc(this.b);
		assertThat(jdbc.sql("select id from dossier_pending_submission").query(String.class).list())
			.containsExactly(fresh.pendingId());
		assertThat(jdbc.sql("select dossier_code from document_file where dossier_code like 'pending:%'")
			.query(String.class)
			.list()).containsExactly("pending:" + fresh.pendingId());
		for (String sha256 : contents) {
			assertThat(this.sharedDir.resolve(sha256)).doesNotExist();
		}
		// a second round finds nothing more to do
		assertThat(this.b.getBean(AbandonedSubmissions.class).sweep()).isZero();
	}

	/**
	 * Signs the counter officer in through {@code one}, takes a dossier in through
	 * {@code two} on the same session with the scan, downloads it through {@code one} and
	 * {@code two}; answers the dossier's code.
	 */
	private String uploadThroughAndDownloadThrough(ConfigurableApplicationContext one,
			ConfigurableApplicationContext two, byte[] scan) {
		try {
			String session = signIn(one, Api.COUNTER);
			// the session and its CSRF token, made by one, serve on the other
			HttpResponse<String> counter = get(two, "/can-bo/tiep-nhan", session);
			assertThat(counter.statusCode()).as("the counter page through the other instance").isEqualTo(200);
			String csrf = csrf(counter.body());
			Multipart form = new Multipart().field("_csrf", csrf)
				.field("procedure", "1.001193")
				.field("channel", "COUNTER")
				.field("applicantName", "Lý Văn Sơn")
				.field("phone", "0987654321")
				.field("component", "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh")
				.field("component", "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)")
				.file("file-0", "to-khai.png", "image/png", scan);
			HttpResponse<String> taken = this.http.send(HttpRequest.newBuilder(uri(one, "/can-bo/tiep-nhan"))
				.header("Cookie", "SESSION=" + session)
				.header("Content-Type", form.contentType())
				.POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(taken.statusCode()).as("the intake through the first instance: %s", taken.body()).isEqualTo(302);
			String location = taken.headers().firstValue("Location").orElseThrow();
			String code = location.replaceAll(".*/ho-so/([^/]+)/bien-nhan.*", "$1");
			long id = jdbc(one).sql("select id from document_file where dossier_code = ?")
				.param(code)
				.query(Long.class)
				.single();
			for (ConfigurableApplicationContext instance : List.of(two, one)) {
				HttpResponse<byte[]> file = this.http
					.send(HttpRequest.newBuilder(uri(instance, "/can-bo/ho-so/" + code + "/tep/" + id))
						.header("Cookie", "SESSION=" + session)
						.build(), HttpResponse.BodyHandlers.ofByteArray());
				assertThat(file.statusCode()).isEqualTo(200);
				assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
				assertThat(file.body()).isEqualTo(scan);
			}
			return code;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Signs in on the page with a form; answers the session's cookie. */
	private String signIn(ConfigurableApplicationContext instance, String username)
			throws IOException, InterruptedException {
		HttpResponse<String> page = get(instance, "/dang-nhap", null);
		String session = session(page).orElseThrow();
		String body = "username=" + username + "&password=motcua-demo&_csrf=" + csrf(page.body());
		HttpResponse<String> signedIn = this.http.send(HttpRequest.newBuilder(uri(instance, "/dang-nhap"))
			.header("Cookie", "SESSION=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		// Spring Session's cookie keeps what the container's had: no script reads it
		assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(
				cookie -> assertThat(cookie).startsWith("SESSION=").contains("; HttpOnly").contains("; SameSite=Lax"));
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/can-bo");
		// a new session id on signing in (session fixation)
		return session(signedIn).orElse(session);
	}

	private HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String session)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(instance, path));
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static java.util.Optional<String> session(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(SESSION::matcher)
			.filter(Matcher::find)
			.map(m -> m.group(1))
			.filter(v -> !v.isEmpty())
			.reduce((first, last) -> last);
	}

	private static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private String lastFourDigitsOf(String code) {
		String phone = jdbc(this.a).sql("select applicant_phone from dossier where code = ?")
			.param(code)
			.query(String.class)
			.single();
		return phone.substring(phone.length() - 4);
	}

	private static URI uri(ConfigurableApplicationContext instance, String path) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static JdbcClient jdbc(ConfigurableApplicationContext instance) {
		return instance.getBean(JdbcClient.class);
	}

	/** A small PNG of its own for each text, so that each has its own content key. */
	private static byte[] png(String text) {
		BufferedImage image = new BufferedImage(200, 20, BufferedImage.TYPE_INT_RGB);
		image.getGraphics().drawString(text, 2, 15);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> database, Map<String, Object> more) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.putAll(more);
		properties.put("server.port", "0");
		// the demo ward, also on PostgreSQL (where it loads only when asked for, ADR 27)
		properties.put("motcua.demo.enabled", "true");
		properties.put("spring.jmx.enabled", "false");
		properties.put("logging.level.root", "WARN");
		properties.put("spring.datasource.hikari.maximum-pool-size", "6");
		properties.put("spring.datasource.hikari.minimum-idle", "1");
		return new SpringApplication(Application.class).run(
				properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	/** A multipart/form-data body. */
	private static final class Multipart {

		private final String boundary = "----motcua" + UUID.randomUUID();

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Multipart field(String name, String value) {
			write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
					+ "\r\n");
			return this;
		}

		Multipart file(String name, String filename, String type, byte[] content) {
			write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
					+ filename + "\"\r\nContent-Type: " + type + "\r\n\r\n");
			this.out.writeBytes(content);
			write("\r\n");
			return this;
		}

		String contentType() {
			return "multipart/form-data; boundary=" + this.boundary;
		}

		byte[] bytes() {
			write("--" + this.boundary + "--\r\n");
			return this.out.toByteArray();
		}

		private void write(String s) {
			this.out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
		}

	}

}
