package vn.motcua.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.motcua.dossier.Scan;
import vn.motcua.it.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content is removed only when no record holds it, even when another instance commits a
 * record of the same content in the middle of the removal (ADR 23).
 */
@IntegrationTest
class ContentRemovalIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	private static byte[] sha256(byte[] bytes) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void contentARecordTookMeanwhileIsPutBack() throws IOException {
		Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "removal-");
		FileStore disk = new DirectoryFileStore(dir);
		// another instance commits a record of the same content just before this one
		// deletes it: it found the content there and wrote nothing
		FileStore racing = new FileStore() {
			@Override
			public boolean exists(String key) {
				return disk.exists(key);
			}

			@Override
			public void put(String key, InputStream content, long length) {
				disk.put(key, content, length);
			}

			@Override
			public Optional<InputStream> open(String key) {
				return disk.open(key);
			}

			@Override
			public void delete(String key) {
				ContentRemovalIT.this.jdbc
					.sql("insert into document_file (dossier_code, component, filename, content_type, size_bytes,"
							+ " sha256, stored_at, stored_by) values ('H56.15.40-261203-0999', 'Tờ khai', 'a.pdf',"
							+ " 'application/pdf', 9, ?, ?, 'other-instance')")
					.params(key, OffsetDateTime.now(ZoneOffset.UTC))
					.update();
				disk.delete(key);
			}
		};
		Uploads uploads = new Uploads(org.springframework.util.unit.DataSize.ofMegabytes(1),
				dir.resolve("incoming").toString());
		Documents documents = new Documents(this.jdbc, this.clock, racing, uploads);
		byte[] pdf = ("%PDF-1.7 removal " + System.nanoTime()).getBytes();
		Path file = Files.write(dir.resolve("scan.part"), pdf);
		String sha = java.util.HexFormat.of().formatHex(sha256(pdf));
		documents.keep("pending:removal-test",
				List.of(new Scan("file-0", "Tờ khai", "a.pdf", "application/pdf", file, pdf.length, sha, null)),
				"online:test");
		String sha256 = this.jdbc.sql("select sha256 from document_file where dossier_code = 'pending:removal-test'")
			.query(String.class)
			.single();
		documents.discard("pending:removal-test");
		assertThat(disk.exists(sha256)).as("the content the other record holds").isTrue();
		try (InputStream in = disk.open(sha256).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}
	}

}
