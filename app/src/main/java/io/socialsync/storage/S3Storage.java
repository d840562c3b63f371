package io.socialsync.storage;

import io.socialsync.config.SocialSyncProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Objects in an S3-compatible bucket, under an optional key prefix (several installations can share a bucket).
 * Signed URLs are SigV4 presigned GETs, served by the store itself, Range included.
 */
public class S3Storage implements Storage, AutoCloseable {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;

    public S3Storage(S3Client s3, S3Presigner presigner, String bucket, String prefix) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.prefix = normalizePrefix(prefix);
    }

    public static S3Storage create(SocialSyncProperties.S3 config) {
        if (config.bucket() == null || config.bucket().isBlank()) {
            throw new IllegalStateException("SOCIALSYNC_S3_BUCKET is required when SOCIALSYNC_STORAGE=s3");
        }
        return new S3Storage(S3Clients.client(config), S3Clients.presigner(config), config.bucket(), config.prefix());
    }

    @Override
    public StoredObject put(StorageKey key, InputStream in, long length, String contentType) {
        var sha = Hashing.sha256(in);
        String type = contentType == null ? ContentTypes.of(key) : contentType;
        try {
            long size = new S3Upload(s3, bucket, objectKey(key), type).upload(sha, length);
            return new StoredObject(key, size, type, null, Hashing.hex(sha));
        } catch (IOException | SdkException e) {
            throw new StorageException("cannot store " + key, e);
        }
    }

    @Override
    public InputStream open(StorageKey key) {
        return get(key, null);
    }

    @Override
    public InputStream openRange(StorageKey key, long start, long endInclusive) {
        Storage.checkRange(start, endInclusive);
        return get(key, "bytes=" + start + "-" + endInclusive); // S3 cuts an end past the object, like HTTP
    }

    private InputStream get(StorageKey key, String range) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(objectKey(key)).range(range));
        } catch (S3Exception e) {
            throw e.statusCode() == 404 ? new ObjectNotFoundException(key) : new StorageException(
                    "cannot read " + key + (range == null ? "" : " " + range), e);
        } catch (SdkException e) {
            throw new StorageException("cannot read " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> stat(StorageKey key) {
        try {
            var head = s3.headObject(b -> b.bucket(bucket).key(objectKey(key)));
            return Optional.of(new StoredObject(key, head.contentLength(), head.contentType(), head.lastModified(),
                    null));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new StorageException("cannot stat " + key, e);
        } catch (SdkException e) {
            throw new StorageException("cannot stat " + key, e);
        }
    }

    @Override
    public void delete(StorageKey key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw new StorageException("cannot delete " + key, e);
        }
    }

    @Override
    public Stream<StoredObject> list(String keyPrefix) {
        String full = prefix + StorageKey.checkPrefix(keyPrefix);
        // the paginator fetches the next page only when the stream reaches it
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(full)).contents().stream()
                .flatMap(o -> ownKey(o.key()).map(k -> new StoredObject(k, o.size(), null, o.lastModified(), null)));
    }

    @Override
    public URI signedUrl(StorageKey key, Duration ttl) {
        Storage.checkTtl(ttl);
        try {
            return presigner.presignGetObject(p -> p.signatureDuration(ttl)
                    .getObjectRequest(g -> g.bucket(bucket).key(objectKey(key)))).url().toURI();
        } catch (URISyntaxException | SdkException e) {
            throw new StorageException("cannot sign a URL for " + key, e);
        }
    }

    @Override
    public Map<String, Object> check() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new StorageException("bucket " + bucket + " is not reachable: " + e.getMessage(), e);
        }
        return Map.of("type", "s3", "endpoint", s3.serviceClientConfiguration().endpointOverride()
                .map(URI::toString).orElse("aws"), "bucket", bucket, "prefix", prefix);
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    private String objectKey(StorageKey key) {
        return prefix + key.value();
    }

    /** Objects under our prefix that someone else put there with a key we would not make are skipped. */
    private Stream<StorageKey> ownKey(String objectKey) {
        try {
            return Stream.of(StorageKey.of(objectKey.substring(prefix.length())));
        } catch (IllegalArgumentException foreign) {
            return Stream.empty();
        }
    }

    /** "" or "a/b/", validated like a key so the configured prefix cannot smuggle in odd paths. */
    private static String normalizePrefix(String prefix) {
        String trimmed = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : StorageKey.of(trimmed).value() + "/";
    }
}
