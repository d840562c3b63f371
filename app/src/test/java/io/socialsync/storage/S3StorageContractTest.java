package io.socialsync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.config.DataDirectory;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.support.TestDatabases;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The contract on a real S3 endpoint: s3proxy in-process over a filesystem blobstore, fresh for each test. The
 * storage is built the way the application builds it, from bound socialsync.* properties.
 */
class S3StorageContractTest extends StorageContract {
    static final String BUCKET = "socialsync-test";
    @RegisterExtension
    final S3ProxyExtension s3Proxy = S3ProxyExtension.builder().withCredentials("test-access", "test-secret").build();
    S3Storage storage;
    SocialSyncProperties properties;

    @BeforeEach
    void bucket() {
        properties = bind(Map.of("socialsync.data-dir", TestDatabases.tempDir("s3-storage").toString(),
                "socialsync.storage.type", "s3",
                "socialsync.storage.s3.endpoint", s3Proxy.getUri().toString(),
                "socialsync.storage.s3.region", "eu-central-1",
                "socialsync.storage.s3.bucket", BUCKET,
                "socialsync.storage.s3.prefix", "/install-1/",
                "socialsync.storage.s3.path-style", "true",
                "socialsync.storage.s3.access-key", s3Proxy.getAccessKey(),
                "socialsync.storage.s3.secret-key", s3Proxy.getSecretKey()));
        try (var s3 = S3Clients.client(properties.storage().s3())) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        storage = (S3Storage) new StorageConfig().objectStorage(properties, new DataDirectory(properties),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Override
    protected Storage storage() {
        return storage;
    }

    @Test
    void objectsLiveUnderTheConfiguredPrefix() {
        storage.put(key("p.mp4"), new ByteArrayInputStream(bytes(3)), 3, "video/mp4");
        try (var s3 = S3Clients.client(properties.storage().s3())) {
            assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents())
                    .extracting(o -> o.key()).containsExactly("install-1/" + key("p.mp4").value());
        }
        assertThat(storage.check()).containsEntry("bucket", BUCKET).containsEntry("prefix", "install-1/");
    }

    @Test
    void longStreamsGoUpInPartsAndAFailedOneLeavesNoUploadBehind() {
        storage.put(key("parts.mp4"), new ByteArrayInputStream(bytes(S3Upload.MIN_PART_SIZE + 1)), -1, "video/mp4");
        assertThatThrownBy(() -> storage.put(key("cut.mp4"), failingAfter(S3Upload.MIN_PART_SIZE + MB), -1,
                "video/mp4")).isInstanceOf(StorageException.class);
        try (var s3 = S3Clients.client(properties.storage().s3())) {
            String etag = s3.headObject(b -> b.bucket(BUCKET).key("install-1/" + key("parts.mp4"))).eTag();
            assertThat(etag).as("multipart ETags end in -<parts>").endsWith("-2\"");
            assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
        }
    }

    @Test
    void anExpiredPresignedUrlIsRefused() throws Exception {
        storage.put(key("e.mp4"), new ByteArrayInputStream(bytes(3)), 3, "video/mp4");
        var url = storage.signedUrl(key("e.mp4"), Duration.ofSeconds(1));
        Thread.sleep(2_100);
        assertThat(fetch(url, null).statusCode()).isEqualTo(403);
    }

    @Test
    void aMissingBucketFailsTheHealthCheckAndBlankBucketFailsStartup() {
        var missing = new S3Storage(S3Clients.client(properties.storage().s3()),
                S3Clients.presigner(properties.storage().s3()), "no-such-bucket", "");
        try (missing) {
            assertThatThrownBy(missing::check).isInstanceOf(StorageException.class)
                    .hasMessageContaining("no-such-bucket");
        }
        var blank = bind(Map.of("socialsync.storage.type", "S3"));
        assertThatThrownBy(() -> S3Storage.create(blank.storage().s3())).hasMessageContaining("SOCIALSYNC_S3_BUCKET");
        assertThat(blank.storage().toString()).doesNotContain("test-secret");
    }

    static SocialSyncProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("socialsync", SocialSyncProperties.class);
    }
}
