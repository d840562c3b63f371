package io.socialsync.ingest.tus;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.IngestServerTest;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tus 1.0 rules a standard client relies on, request by request. */
class TusProtocolTest extends IngestServerTest {
    private static final String METADATA = "filename " + b64("clip.mp4") + ",filetype " + b64("video/mp4");
    @Autowired
    TusFiles files;
    @Autowired
    TusSweep sweep;

    @Test
    void optionsDescribesTheServer() {
        var options = admin.send(admin.request("/uploads/tus").method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(options.header("Tus-Version")).isEqualTo("1.0.0");
        assertThat(options.header("Tus-Extension")).contains("creation", "termination", "checksum", "expiration");
        assertThat(options.header("Tus-Max-Size")).isEqualTo("4294967296");
    }

    @Test
    void aWrongOffsetIsAConflictAndTheOffsetStays() {
        var tus = new TusRequests(newWorkspace(Role.EDITOR).api());
        var created = tus.create(1000, METADATA);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(created.header("Upload-Expires")).matches(TusJsClientTest.IMF_FIXDATE);
        String location = created.header("Location");
        assertThat(location).startsWith("http://localhost:" + port + "/uploads/tus/"); // absolute, as RFC 9110 says
        assertThat(created.header("X-SocialSync-Video-Id")).isNull();
        var first = tus.patch(location, 0, new byte[100]);
        assertThat(first.status()).isEqualTo(204);
        assertThat(first.header("X-SocialSync-Video-Id")).isNull(); // unfinished: no video yet, not "0"
        assertThat(tus.head(location).header("X-SocialSync-Video-Id")).isNull();
        var wrong = tus.patch(location, 50, new byte[100]);
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.json().get("detail").asString()).contains("Upload-Offset 50", "offset 100");
        var ok = tus.patch(location, 100, new byte[100]);
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.header("Upload-Offset")).isEqualTo("200");
        assertThat(tus.patch(location, 200, new byte[801]).status()).isEqualTo(413);
        assertThat(tus.head(location).header("Upload-Offset")).isEqualTo("200");
    }

    @Test
    void anotherVersionIsRefusedWith412() {
        var request = admin.request("/uploads/tus").header("Tus-Resumable", "0.2.2").header("Upload-Length", "10")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody());
        var refused = admin.send(request);
        assertThat(refused.status()).isEqualTo(412);
        assertThat(refused.header("Tus-Version")).isEqualTo("1.0.0");
        assertThat(refused.header("Tus-Resumable")).isEqualTo("1.0.0");
        var missing = admin.send(admin.request("/uploads/tus").header("Upload-Length", "10")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(missing.status()).isEqualTo(412);
    }

    @Test
    void terminationDeletesTheUploadAndItsBytes() {
        var tus = new TusRequests(newWorkspace(Role.EDITOR).api());
        String location = tus.create(1000, METADATA).header("Location");
        tus.patch(location, 0, new byte[10]);
        assertThat(Files.exists(part(location))).isTrue();
        assertThat(tus.delete(location).status()).isEqualTo(204);
        assertThat(tus.head(location).status()).isEqualTo(404);
        assertThat(tus.patch(location, 10, new byte[10]).status()).isEqualTo(404);
        assertThat(Files.exists(part(location))).isFalse();
    }

    @Test
    void uploadsBelongToTheirWorkspace() {
        var mine = new TusRequests(newWorkspace(Role.EDITOR).api());
        var theirs = new TusRequests(newWorkspace(Role.ADMIN).api());
        String location = mine.create(1000, METADATA).header("Location");
        assertThat(theirs.head(location).status()).isEqualTo(404);
        assertThat(theirs.patch(location, 0, new byte[10]).status()).isEqualTo(404);
        assertThat(theirs.delete(location).status()).isEqualTo(404);
        assertThat(new TusRequests(newWorkspace(Role.VIEWER).api()).create(10, null).status()).isEqualTo(403);
        assertThat(mine.head(location).status()).isEqualTo(200);
        var anonymous = new TusRequests(admin.withKey(null)).head(location);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Tus-Resumable")).isEqualTo("1.0.0");
    }

    @Test
    void aSecondWriterIsLockedOutWhileAPatchIsInFlight() throws Exception {
        var ws = newWorkspace(Role.EDITOR);
        var tus = new TusRequests(ws.api());
        String location = tus.create(1000, METADATA).header("Location");
        try (var socket = new java.net.Socket("localhost", port)) {
            var out = socket.getOutputStream();
            out.write(("PATCH " + java.net.URI.create(location).getPath() + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ws.api().key()
                    + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\n"
                    + "Upload-Offset: 0\r\nContent-Length: 1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[10]);
            out.flush();
            io.socialsync.support.Eventually.await("the first PATCH to hold the upload", Duration.ofSeconds(20),
                    () -> part(location).toFile().length() == 10);
            var second = tus.patch(location, 0, new byte[10]);
            assertThat(second.status()).isEqualTo(423);
        }
        io.socialsync.support.Eventually.await("the broken PATCH to be kept", Duration.ofSeconds(20),
                () -> "10".equals(tus.head(location).header("Upload-Offset")));
    }

    @Test
    void aChunkFailingItsChecksumIsDiscarded() throws Exception {
        var tus = new TusRequests(newWorkspace(Role.EDITOR).api());
        String location = tus.create(1000, METADATA).header("Location");
        byte[] chunk = "0123456789".repeat(10).getBytes(StandardCharsets.US_ASCII);
        String good = "sha1 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(chunk));
        String bad = "sha256 " + Base64.getEncoder().encodeToString(new byte[32]);
        var mismatch = tus.api().send(tus.request(location).header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", "0").header("Upload-Checksum", bad)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofByteArray(chunk)));
        assertThat(mismatch.status()).isEqualTo(460);
        assertThat(tus.head(location).header("Upload-Offset")).isEqualTo("0");
        var matched = tus.api().send(tus.request(location).header("Content-Type", "application/offset+octet-stream")
                .header("Upload-Offset", "0").header("Upload-Checksum", good)
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofByteArray(chunk)));
        assertThat(matched.status()).isEqualTo(204);
        assertThat(matched.header("Upload-Offset")).isEqualTo("100");
    }

    @Test
    void theLastChunkOfSomethingThatIsNotAVideoIsRefused() {
        var tus = new TusRequests(newWorkspace(Role.EDITOR).api());
        byte[] text = "not a video at all ".repeat(50).getBytes(StandardCharsets.US_ASCII);
        String location = tus.create(text.length, METADATA).header("Location");
        var last = tus.patch(location, 0, text);
        assertThat(last.status()).isEqualTo(415);
        assertThat(tus.head(location).status()).isEqualTo(404);
    }

    @Test
    void aSingleRequestUploadReportsItsVideo() {
        var tus = new TusRequests(newWorkspace(Role.EDITOR).api());
        byte[] video = TestVideos.bytes(TestVideos.music("tus-single", 2));
        String location = tus.create(video.length, METADATA).header("Location");
        var done = tus.patch(location, 0, video);
        assertThat(done.status()).isEqualTo(204);
        assertThat(done.header("Upload-Offset")).isEqualTo(Integer.toString(video.length));
        String id = done.header("X-SocialSync-Video-Id");
        assertThat(tus.api().get("/videos/" + id).json().get("original_name").asString()).isEqualTo("clip.mp4");
        assertThat(tus.head(location).header("X-SocialSync-Video-Id")).isEqualTo(id);
    }

    @Test
    void abandonedUploadsExpireAndTheSweepRemovesThem() throws Exception {
        var tus = new TusRequests(newWorkspace(Role.EDITOR).api());
        String location = tus.create(1000, METADATA).header("Location");
        tus.patch(location, 0, new byte[10]);
        clock.advance(Duration.ofHours(23));
        String fresh = tus.create(1000, METADATA).header("Location");
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(0);
        assertThat(tus.head(location).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2)); // 25 h after the first upload was created, 2 h after the second
        assertThat(tus.head(location).status()).isEqualTo(404);
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(Files.exists(part(location))).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tus_uploads WHERE id = ?").param(id(location)).query(Long.class)
                .single()).isZero();
        assertThat(tus.head(fresh).status()).isEqualTo(200);
        assertThat(Files.exists(part(fresh))).isTrue();
    }

    private java.nio.file.Path part(String location) {
        return files.path(id(location));
    }

    private static UUID id(String location) {
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
