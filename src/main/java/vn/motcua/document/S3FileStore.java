package vn.motcua.document;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keeps each file's content as an object named by its key in a bucket of an S3-compatible
 * object store (AWS S3, MinIO, Ceph, Garage, a provider's), through the AWS SDK v2 with
 * path-style addresses ({@code http://host:port/bucket/key}), which every S3-compatible
 * server answers. A put is atomic: an object is there whole or not at all. Content is
 * streamed both ways.
 */
public class S3FileStore implements FileStore, AutoCloseable {

	/** Where the store is and who signs in to it. */
	public record Settings(String endpoint, String region, String bucket, String accessKey, String secretKey,
			boolean createBucket) {
	}

	private final S3Client s3;

	private final String bucket;

	private final String endpoint;

	public S3FileStore(Settings settings) {
		if (settings.bucket() == null || settings.bucket().isBlank()) {
			throw new IllegalArgumentException("motcua.files.s3.bucket must be set with motcua.files.store=s3");
		}
		this.bucket = settings.bucket();
		this.endpoint = settings.endpoint() == null || settings.endpoint().isBlank() ? "AWS" : settings.endpoint();
		S3ClientBuilder builder = S3Client.builder()
			.region(Region
				.of(settings.region() == null || settings.region().isBlank() ? "us-east-1" : settings.region()))
			.credentialsProvider(credentials(settings))
			.forcePathStyle(true)
			// checksums only where the operation requires them: not every S3-compatible
			// server takes the SDK's trailing checksums
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			// a plain body with its length, no aws-chunked encoding: some S3-compatible
			// servers (s3rver, seen) keep the chunks' signatures as part of the object
			.serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
		if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		this.s3 = builder.build();
		checkBucket(settings.createBucket());
	}

	private static AwsCredentialsProvider credentials(Settings settings) {
		if (settings.accessKey() == null || settings.accessKey().isBlank()) {
			// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, or an instance role
			return DefaultCredentialsProvider.builder().build();
		}
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
	}

	/**
	 * Fails at start, not at the first upload, when the bucket is missing (or creates it
	 * when told to); a key allowed to read and write objects only (403 on the bucket) is
	 * let through.
	 */
	private void checkBucket(boolean create) {
		try {
			this.s3.headBucket(b -> b.bucket(this.bucket));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 403) {
				return;
			}
			if (!(ex instanceof NoSuchBucketException) && ex.statusCode() != 404) {
				throw ex;
			}
			if (!create) {
				throw new IllegalStateException("No bucket " + this.bucket + " at " + this.endpoint
						+ ": create it, or set motcua.files.s3.create-bucket=true", ex);
			}
			this.s3.createBucket(b -> b.bucket(this.bucket));
		}
	}

	@Override
	public boolean exists(String key) {
		try {
			this.s3.headObject(h -> h.bucket(this.bucket).key(key));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public void put(String key, InputStream content, long length) {
		this.s3.putObject(p -> p.bucket(this.bucket).key(key).contentLength(length),
				RequestBody.fromInputStream(content, length));
	}

	@Override
	public void put(String key, java.nio.file.Path file) {
		// read from the file as often as the SDK needs (signing, retries), never from a
		// stream it could read only once
		this.s3.putObject(p -> p.bucket(this.bucket).key(key), RequestBody.fromFile(file));
	}

	@Override
	public Optional<InputStream> open(String key) {
		try {
			return Optional.of(this.s3.getObject(g -> g.bucket(this.bucket).key(key)));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	@Override
	public void delete(String key) {
		// deleting an object that is not there succeeds
		this.s3.deleteObject(d -> d.bucket(this.bucket).key(key));
	}

	@Override
	public void close() {
		this.s3.close();
	}

	@Override
	public String toString() {
		return "the bucket " + this.bucket + " at " + this.endpoint;
	}

}
