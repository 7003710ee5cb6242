package vn.motcua.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 1 GiB upload to a running application whose heap is capped at 256 MB (issue 12):
 * starts the application in a JVM of its own ({@code -Xmx256m}, the per-file limit raised
 * to 2 GB for the run, H2 in memory with the demo ward), takes in a dossier over the API,
 * then sends a 1 GiB PDF (one page whose content stream is 1 GiB of blanks, with a
 * correct cross-reference table) as one of its components, streamed as multipart from a
 * file. The server copies it to disk as multipart, to its temporary file while hashing
 * and checking it (PDFBox reads its structure, not its stream), then into the content
 * store. Reports the wall time, the throughput, the server's heap in use (sampled every
 * 200 ms from /actuator/prometheus) and checks that the stored file's SHA-256 is the one
 * sent.
 * <p>
 * {@code ./mvnw -Pbench test-compile exec:exec -Dbench=upload}
 * ({@code -Dbench.upload.mib=1024}).
 */
final class UploadBenchmark {

	static final long MIB = Long.getLong("bench.upload.mib", 1024);

	private static final String USER = "quangcu.motcua";

	private static final String PASSWORD = "motcua-demo";

	private UploadBenchmark() {
	}

	static void run() throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "bench-upload").toAbsolutePath());
		Path pdf = dir.resolve("big.pdf");
		long size = MIB * 1024 * 1024;
		String sha256 = bigPdf(pdf, size);
		System.out.printf("Wrote %s: %,d bytes, SHA-256 %s%n", pdf, Files.size(pdf), sha256);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path store = dir.resolve("files");
		Path tmp = Files.createDirectories(dir.resolve("tmp"));
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "vn.motcua.Application",
				"--server.port=" + port, "--spring.datasource.url=jdbc:h2:mem:bench-upload;DB_CLOSE_DELAY=-1",
				"--motcua.demo.enabled=true", "--motcua.demo.history=false", "--motcua.files.max-size=2GB",
				"--motcua.files.dir=" + store, "--motcua.files.temp-dir=" + dir.resolve("incoming"),
				"--logging.level.root=WARN"));
		Process app = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("app.log").toFile())
			.start();
		try {
			String base = "http://127.0.0.1:" + port;
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			long started = System.nanoTime();
			waitUntilUp(http, base, app);
			System.out.printf("Application up in %.1f s (pid %d, -Xmx256m)%n", (System.nanoTime() - started) / 1e9,
					app.pid());
			String code = intake(http, base);
			AtomicLong maxHeap = new AtomicLong();
			Thread sampler = new Thread(() -> sampleHeap(http, base, maxHeap));
			sampler.setDaemon(true);
			sampler.start();
			long heapBefore = heap(http, base);
			String boundary = "motcua" + System.nanoTime();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"component\"\r\n\r\n"
					+ "Tờ khai đăng ký khai sinh\r\n--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"to-khai.pdf\"\r\n"
					+ "Content-Type: application/pdf\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			long length = head.length + size + tail.length;
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers/" + code + "/files"))
				.header("Authorization", basic(USER))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.timeout(Duration.ofMinutes(30))
				.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
					try {
						return new SequenceInputStream(new java.io.ByteArrayInputStream(head), new SequenceInputStream(
								Files.newInputStream(pdf), new java.io.ByteArrayInputStream(tail)));
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				}), length))
				.build();
			long t = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			double seconds = (System.nanoTime() - t) / 1e9;
			sampler.interrupt();
			System.out.printf("Upload: HTTP %d in %.1f s (%.0f MiB/s) — %s%n", response.statusCode(), seconds,
					MIB / seconds,
					response.body().length() > 400 ? response.body().substring(0, 400) : response.body());
			System.out.printf("Server heap in use: %,d MiB before, at most %,d MiB during (sampled), cap 256 MiB%n",
					heapBefore / (1024 * 1024), maxHeap.get() / (1024 * 1024));
			Path status = Path.of("/proc", Long.toString(app.pid()), "status");
			if (Files.exists(status)) {
				// the server's peak resident memory (Linux): heap, metaspace, code,
				// threads
				Files.readAllLines(status)
					.stream()
					.filter(line -> line.startsWith("VmHWM"))
					.forEach(line -> System.out.println("Server process " + line.replaceAll("\\s+", " ")));
			}
			Path kept = store.resolve(sha256);
			boolean same = Files.exists(kept) && Files.size(kept) == size && sha256(kept).equals(sha256);
			System.out.printf("Stored under its SHA-256: %s; temporary files left: %d%n", same,
					count(dir.resolve("incoming")));
			if (response.statusCode() != 201 || !same) {
				throw new IllegalStateException("the upload failed");
			}
		}
		finally {
			app.destroy();
			app.waitFor();
			Files.deleteIfExists(pdf);
			deleteTree(store);
		}
	}

	/**
	 * A valid PDF of {@code size} bytes: a catalog, a page tree, a page, and the page's
	 * content stream of blanks filling the rest; the cross-reference table gives each
	 * object's offset.
	 */
	static String bigPdf(Path file, long size) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		String header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
		String[] objects = { "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
				"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
				"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n" };
		// the fixed parts, with the stream's length still to fill in
		long fixed = header.getBytes(StandardCharsets.ISO_8859_1).length;
		for (String o : objects) {
			fixed += o.length();
		}
		String streamHead = "4 0 obj\n<< /Length %d >>\nstream\n";
		String streamTail = "\nendstream\nendobj\n";
		String xrefAndTrailer = "xref\n0 5\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n%010d 00000 n \n"
				+ "%010d 00000 n \ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n";
		long overhead = fixed + String.format(streamHead, 0L).length() + streamTail.length()
				+ String.format(xrefAndTrailer, 0L, 0L, 0L, 0L, 0L).length() + 12;
		long blanks = size - overhead;
		// the digits of the length and the offsets change the overhead: settle it
		for (int i = 0; i < 3; i++) {
			long o1 = header.getBytes(StandardCharsets.ISO_8859_1).length;
			long o4 = fixed;
			long xref = o4 + String.format(streamHead, blanks).length() + blanks + streamTail.length();
			long total = xref + String.format(xrefAndTrailer, o1, 0L, 0L, o4, xref).length();
			blanks += size - total;
		}
		long o1 = header.getBytes(StandardCharsets.ISO_8859_1).length;
		long o2 = o1 + objects[0].length();
		long o3 = o2 + objects[1].length();
		long o4 = o3 + objects[2].length();
		try (OutputStream out = new java.security.DigestOutputStream(
				new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20), sha)) {
			out.write(header.getBytes(StandardCharsets.ISO_8859_1));
			for (String o : objects) {
				out.write(o.getBytes(StandardCharsets.ISO_8859_1));
			}
			out.write(String.format(streamHead, blanks).getBytes(StandardCharsets.ISO_8859_1));
			byte[] chunk = new byte[1 << 20];
			java.util.Arrays.fill(chunk, (byte) ' ');
			for (long left = blanks; left > 0; left -= chunk.length) {
				out.write(chunk, 0, (int) Math.min(chunk.length, left));
			}
			out.write(streamTail.getBytes(StandardCharsets.ISO_8859_1));
			long xref = o4 + String.format(streamHead, blanks).length() + blanks + streamTail.length();
			out.write(String.format(xrefAndTrailer, o1, o2, o3, o4, xref).getBytes(StandardCharsets.ISO_8859_1));
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	private static void waitUntilUp(HttpClient http, String base, Process app) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("the application stopped; see target/bench-upload/app.log");
			}
			try {
				HttpResponse<String> r = http.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the application did not start in 3 minutes");
	}

	private static String intake(HttpClient http, String base) throws Exception {
		String body = """
				{"unit": "H56.15.40", "procedureCode": "1.001193", "channel": "COUNTER",
				 "applicant": {"name": "Người Thử Tải", "idNumber": "038190001111"},
				 "components": [{"name": "Tờ khai đăng ký khai sinh", "originals": 1, "copies": 0},
				  {"name": "Giấy chứng sinh hoặc văn bản của người làm chứng xác nhận việc sinh", "originals": 1, "copies": 0},
				  {"name": "Giấy tờ tùy thân có ảnh của người nộp hồ sơ (xuất trình)", "originals": 1, "copies": 0}]}
				""";
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers"))
			.header("Authorization", basic(USER))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(r.body());
		if (r.statusCode() != 201 || !m.find()) {
			throw new IllegalStateException("intake failed: " + r.statusCode() + " " + r.body());
		}
		return m.group(1);
	}

	private static void sampleHeap(HttpClient http, String base, AtomicLong max) {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				max.accumulateAndGet(heap(http, base), Math::max);
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				// a sample missed
			}
		}
	}

	/** The heap in use, summed over its pools, from the Prometheus endpoint. */
	private static long heap(HttpClient http, String base) throws Exception {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
			.header("Authorization", basic("admin"))
			.build(), HttpResponse.BodyHandlers.ofString());
		long sum = 0;
		Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)$")
			.matcher(r.body());
		while (m.find()) {
			sum += (long) Double.parseDouble(m.group(1));
		}
		return sum;
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(Path file) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(sha.digest());
	}

	private static long count(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		try (var files = Files.list(dir)) {
			return files.count();
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
