package io.socialsync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.support.DatabaseTest;
import io.socialsync.support.MutableClock;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contract on local files, inside the running service: signed URLs are fetched from the real /files endpoint
 * at the configured public URL, with no API key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false"})
class LocalStorageContractTest extends StorageContract {
    static final Path DATA = TestDatabases.tempDir("local-storage");
    static final int PORT = ServerTest.freePort();
    @Autowired Storage storage;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        DatabaseTest.register(registry, TestDatabases.freshH2(DATA), DATA);
        registry.add("server.port", () -> PORT);
        registry.add("socialsync.storage.public-base-url", () -> "http://localhost:" + PORT);
    }

    @Override
    protected Storage storage() {
        return storage;
    }

    Path root() {
        return DATA.resolve("files");
    }

    @Test
    void filesLiveUnderTheDataDirectoryWithNoTempFilesLeftBehind() throws Exception {
        storage.put(key("kept.mp4"), new ByteArrayInputStream(bytes(10)), -1, "video/mp4");
        assertThatThrownBy(() -> storage.put(key("cut.mp4"), failingAfter(MB), -1, "video/mp4"))
                .isInstanceOf(StorageException.class);
        try (Stream<Path> files = Files.list(root().resolve(ns))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("kept.mp4");
        }
    }

    @Test
    void aSymlinkOutOfTheRootIsNeverFollowed() throws Exception {
        Path secret = Files.writeString(DATA.resolve("outside.txt"), "secret");
        Files.createDirectories(root().resolve(ns));
        Files.createSymbolicLink(root().resolve(ns + "link.mp4"), secret);
        Files.createSymbolicLink(root().resolve(ns + "dir"), DATA);

        assertThatThrownBy(() -> storage.open(key("link.mp4"))).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> storage.open(key("dir/outside.txt"))).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> storage.put(key("dir/new.mp4"), new ByteArrayInputStream(bytes(1)), 1, null))
                .isInstanceOf(StorageException.class);
        assertThat(names(ns)).isEmpty();
        assertThat(Files.exists(DATA.resolve("new.mp4"))).isFalse();
    }

    @Test
    void linksExpireAndResistTampering() {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var signer = new UrlSigner("k".repeat(32).getBytes(StandardCharsets.UTF_8), "https://media.example/");
        var local = new LocalStorage(root(), signer, clock);
        URI url = local.signedUrl(StorageKey.of("a/b.mp4"), Duration.ofSeconds(60));
        long expires = clock.instant().getEpochSecond() + 60;
        assertThat(url.toString()).startsWith("https://media.example/files/a/b.mp4?expires=" + expires + "&sig=");
        String sig = url.getQuery().substring(url.getQuery().indexOf("sig=") + 4);

        assertThat(local.verifySignature("a/b.mp4", expires, sig, clock)).isTrue();
        clock.advance(Duration.ofSeconds(60));
        assertThat(local.verifySignature("a/b.mp4", expires, sig, clock)).as("last second").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(local.verifySignature("a/b.mp4", expires, sig, clock)).as("expired").isFalse();

        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(local.verifySignature("a/c.mp4", expires, sig, clock)).as("other key").isFalse();
        assertThat(local.verifySignature("a/b.mp4", expires + 3600, sig, clock)).as("later expiry").isFalse();
        String flipped = (sig.charAt(0) == '0' ? "1" : "0") + sig.substring(1);
        assertThat(local.verifySignature("a/b.mp4", expires, flipped, clock)).as("other sig").isFalse();
        assertThat(local.verifySignature("a/b.mp4", expires, null, clock)).isFalse();
        var otherKey = new UrlSigner("j".repeat(32).getBytes(StandardCharsets.UTF_8), "https://media.example");
        assertThat(otherKey.verify("a/b.mp4", expires, sig, clock)).as("other signing key").isFalse();
    }

    @Test
    void theServerRefusesExpiredAndUnsignedLinksWithProblemJson() throws Exception {
        storage.put(key("p.mp4"), new ByteArrayInputStream(bytes(10)), -1, "video/mp4");
        Path keyFile = DATA.resolve("secrets").resolve(SigningKeyFile.FILE);
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        var signer = new UrlSigner(Files.readString(keyFile).trim().getBytes(StandardCharsets.UTF_8),
                "http://localhost:" + PORT);

        var expired = fetch(signer.sign(key("p.mp4"), Instant.now().minusSeconds(5)), null);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        var valid = fetch(signer.sign(key("p.mp4"), Instant.now().plusSeconds(60)), null);
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        var unsigned = fetch(URI.create("http://localhost:" + PORT + "/files/" + key("p.mp4")), null);
        assertThat(unsigned.statusCode()).as("signature missing: 403, not the API's 401").isEqualTo(403);
        var traversal = fetch(URI.create("http://localhost:" + PORT + "/files/..%2fsecrets/url-signing.key"), null);
        assertThat(traversal.statusCode()).isBetween(400, 404);
    }

    @Test
    void rangesPastTheEndGet416AndSuffixRangesWork() throws Exception {
        byte[] data = bytes(100);
        storage.put(key("s.mp4"), new ByteArrayInputStream(data), -1, "video/mp4");
        URI url = storage.signedUrl(key("s.mp4"), Duration.ofMinutes(1));

        var outside = fetch(url, "bytes=100-200");
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).hasValue("bytes */100");
        var suffix = fetch(url, "bytes=-10");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.headers().firstValue("Content-Range")).hasValue("bytes 90-99/100");
        assertThat(suffix.body()).hasSize(10);
        var open = fetch(url, "bytes=95-");
        assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 95-99/100");
    }

    @Test
    void readinessChecksTheStorage() throws Exception {
        // components show to an admin key only
        String key = java.nio.file.Files.readString(DATA.resolve(io.socialsync.apikey.BootstrapAdminKey.FILE_NAME)).trim();
        var health = HTTP.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://localhost:" + PORT + "/actuator/health/readiness"))
                .header("Authorization", "Bearer " + key).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(health.body(), StandardCharsets.UTF_8))
                .contains("\"storage\"").contains("\"type\":\"local\"").contains("\"status\":\"UP\"");
    }
}
