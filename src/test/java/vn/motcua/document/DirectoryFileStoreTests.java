package vn.motcua.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryFileStoreTests {

	private static final String KEY = "a".repeat(64);

	@TempDir
	Path dir;

	@Test
	void contentPutUnderAKeyIsReadBackAndRemoved() throws IOException {
		DirectoryFileStore store = new DirectoryFileStore(this.dir.resolve("files"));
		byte[] content = "%PDF-1.7 tờ khai".getBytes(StandardCharsets.UTF_8);
		assertThat(store.exists(KEY)).isFalse();
		assertThat(store.open(KEY)).isEmpty();
		store.put(KEY, new ByteArrayInputStream(content), content.length);
		assertThat(store.exists(KEY)).isTrue();
		try (InputStream in = store.open(KEY).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		// no temporary file stays behind
		try (var files = Files.list(this.dir.resolve("files"))) {
			assertThat(files).containsExactly(this.dir.resolve("files").resolve(KEY));
		}
		store.delete(KEY);
		store.delete(KEY);
		assertThat(store.exists(KEY)).isFalse();
	}

	@Test
	void aKeyIsNeverAPath() {
		DirectoryFileStore store = new DirectoryFileStore(this.dir);
		assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.delete("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aStreamThatFailsLeavesNothing() {
		DirectoryFileStore store = new DirectoryFileStore(this.dir);
		InputStream broken = new InputStream() {
			@Override
			public int read() throws IOException {
				throw new IOException("the connection dropped");
			}
		};
		assertThatThrownBy(() -> store.put(KEY, broken, 10)).isInstanceOf(UncheckedIOException.class);
		assertThat(store.exists(KEY)).isFalse();
		assertThat(this.dir.toFile().list()).isEmpty();
	}

}
