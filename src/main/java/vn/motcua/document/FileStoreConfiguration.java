package vn.motcua.document;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Picks where file content is kept (ADR 23): {@code motcua.files.store=directory} (the
 * default) under {@code motcua.files.dir}, or {@code s3} in the bucket
 * {@code motcua.files.s3.bucket} at {@code motcua.files.s3.endpoint} (empty: AWS itself),
 * region {@code motcua.files.s3.region}, signing in with {@code .access-key} and
 * {@code .secret-key} (empty: the AWS SDK's usual sources, such as
 * {@code AWS_ACCESS_KEY_ID}); {@code .create-bucket=true} creates a missing bucket at
 * start.
 */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FileStoreConfiguration.class);

	@Bean
	FileStore fileStore(Environment env) {
		String kind = env.getProperty("motcua.files.store", "directory").strip();
		FileStore store = switch (kind) {
			case "directory" -> new DirectoryFileStore(Path.of(env.getProperty("motcua.files.dir", "./data/files")));
			case "s3" -> new S3FileStore(new S3FileStore.Settings(env.getProperty("motcua.files.s3.endpoint"),
					env.getProperty("motcua.files.s3.region", "us-east-1"), env.getProperty("motcua.files.s3.bucket"),
					env.getProperty("motcua.files.s3.access-key"), env.getProperty("motcua.files.s3.secret-key"),
					env.getProperty("motcua.files.s3.create-bucket", Boolean.class, false)));
			default -> throw new IllegalArgumentException(
					"motcua.files.store must be 'directory' or 's3', not '" + kind + "'");
		};
		log.info("Files are kept in {}", store);
		return store;
	}

}
