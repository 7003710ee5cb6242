package vn.motcua.it;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An S3-compatible server for tests: the npm package {@code s3rver}, installed into
 * {@code target/s3rver} with the machine's npm at test time (nothing of it is committed)
 * and run with the machine's Node.js on a free loopback port. Where npm or Node.js is
 * missing, or the install or start fails, {@link #start()} answers why, and the tests
 * that need it are skipped with that reason: a machine with Java alone still passes the
 * build.
 */
final class S3Server implements AutoCloseable {

	static final String VERSION = "3.7.1";

	/** s3rver's fixed credentials. */
	static final String ACCESS_KEY = "S3RVER";

	static final String SECRET_KEY = "S3RVER";

	private static final Path HOME = Path.of("target", "s3rver");

	private final Process process;

	private final int port;

	private S3Server(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** A started server, or why none could be started. */
	record Started(S3Server server, String whyNot) {
	}

	static Started start() {
		try {
			Path script = HOME.resolve("node_modules/s3rver/bin/s3rver.js");
			if (!Files.exists(script)) {
				Files.createDirectories(HOME);
				String why = run(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
						HOME.toString(), "s3rver@" + VERSION), 300);
				if (why != null) {
					return new Started(null, "cannot install s3rver with npm: " + why);
				}
			}
			Path data = Files.createTempDirectory(Files.createDirectories(HOME), "data-");
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Process process = new ProcessBuilder("node", script.toString(), "--silent", "--directory", data.toString(),
					"--address", "127.0.0.1", "--port", String.valueOf(port))
				.redirectErrorStream(true)
				.redirectOutput(HOME.resolve("s3rver-" + port + ".log").toFile())
				.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					return new Started(null, "s3rver stopped at start (exit " + process.exitValue() + "), see "
							+ HOME.resolve("s3rver-" + port + ".log"));
				}
				try (Socket s = new Socket()) {
					s.connect(new InetSocketAddress("127.0.0.1", port), 500);
					return new Started(new S3Server(process, port), null);
				}
				catch (IOException notYet) {
					Thread.sleep(200);
				}
			}
			process.destroyForcibly();
			return new Started(null, "s3rver did not listen on port " + port + " within 30 s");
		}
		catch (IOException ex) {
			// no npm or node on the PATH, most likely
			return new Started(null, "cannot run npm or node: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Started(null, "interrupted");
		}
	}

	/** Runs a command; null when it succeeded, else why not. */
	private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
		File log = HOME.resolve("npm-install.log").toFile();
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			return "it took longer than " + seconds + " s";
		}
		return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ", see " + log;
	}

	String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
