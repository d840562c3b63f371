package io.socialsync.ingest.tus;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.IngestServerTest;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import io.tus.java.client.TusURLMemoryStore;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A standard tus client (tus-java-client) loses its connection mid-upload; a new client resumes and finishes. */
class TusResumeTest extends IngestServerTest {
    @Autowired
    TusFiles files;

    @Test
    void anInterruptedUploadResumesFromTheServersOffsetAndBecomesTheVideo() throws Exception {
        var ws = newWorkspace(Role.EDITOR);
        var file = TestVideos.music("tus-resume", 6);
        byte[] bytes = Files.readAllBytes(file);
        String apiKey = ws.api().key();
        var store = new TusURLMemoryStore(); // what an app keeps on disk between runs

        // first run: one request of 64 KiB goes through, then the app stops
        var first = TusClients.client(ws.api().baseUrl(), apiKey, store);
        var uploader = first.resumeOrCreateUpload(TusClients.upload(file));
        uploader.setChunkSize(16 * 1024);
        uploader.setRequestPayloadSize(64 * 1024);
        while (uploader.getOffset() < 64 * 1024) {
            uploader.uploadChunk();
        }
        String location = uploader.getUploadURL().toString();
        assertThat(location).contains("/uploads/tus/");
        var tus = new TusRequests(ws.api());
        assertThat(tus.head(location).header("Upload-Offset")).isEqualTo("65536");

        // then a client's connection breaks off half-way through the next PATCH: the server keeps what arrived.
        // The client half-closes (its FIN is the break) and reads until the server is done with the request, so
        // the test knows when the server recorded it instead of polling, and sees any answer the server gave.
        int rest = bytes.length - 65536;
        String answer;
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + java.net.URI.create(location).getPath() + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nAuthorization: Bearer " + apiKey + "\r\nTus-Resumable: 1.0.0\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 65536\r\n"
                    + "Content-Length: " + rest + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 65536, rest / 2);
            out.flush();
            socket.shutdownOutput();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        assertThat(Long.parseLong(tus.head(location).header("Upload-Offset")))
                .as("offset after the broken PATCH (the server answered: %s)", answer.lines().findFirst().orElse("-"))
                .isGreaterThan(65536);
        long kept = Long.parseLong(tus.head(location).header("Upload-Offset"));
        assertThat(kept).isLessThan(bytes.length);

        // a new client instance, same URL store: HEAD, then the rest from the server's offset
        var second = TusClients.client(ws.api().baseUrl(), apiKey, store);
        var resumed = second.resumeOrCreateUpload(TusClients.upload(file));
        assertThat(resumed.getUploadURL().toString()).isEqualTo(location);
        assertThat(resumed.getOffset()).isEqualTo(kept);
        resumed.setChunkSize(16 * 1024);
        while (resumed.uploadChunk() > -1) {
            // next chunk
        }
        resumed.finish();

        var done = tus.head(location);
        assertThat(done.header("Upload-Offset")).isEqualTo(Integer.toString(bytes.length));
        String videoId = done.header("X-SocialSync-Video-Id");
        assertThat(videoId).isNotNull();
        var video = ws.api().get("/videos/" + videoId).json();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(video.get("sha256").asString()).isEqualTo(sha256);
        assertThat(video.get("size_bytes").asLong()).isEqualTo(bytes.length);
        assertThat(video.get("source").asString()).isEqualTo("upload");
        assertThat(video.get("original_name").asString()).isEqualTo("tus-resume.mp4");
        assertThat(ws.api().get("/jobs?kind=ANALYSE_VIDEO").json().get("items").size()).isEqualTo(1);
        assertThat(Files.exists(files.path(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)))))
                .isFalse();
    }

    @Test
    void bytesOnDiskPastTheRecordedOffsetCountAfterACrash() throws Exception {
        var ws = newWorkspace(Role.EDITOR);
        byte[] bytes = Files.readAllBytes(TestVideos.music("tus-crash", 4));
        var tus = new TusRequests(ws.api());
        String location = tus.create(bytes.length, null).header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(tus.patch(location, 0, java.util.Arrays.copyOf(bytes, 65536)).status()).isEqualTo(204);
        Path part = files.path(id);
        assertThat(Files.getPosixFilePermissions(part)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // a server killed mid-PATCH: its bytes reached the file, the offset that acknowledges them did not
        int crashed = 100_000;
        Files.write(part, java.util.Arrays.copyOfRange(bytes, 65536, 65536 + crashed), StandardOpenOption.APPEND);
        assertThat(tus.head(location).header("Upload-Offset")).isEqualTo(Integer.toString(65536 + crashed));

        var last = tus.patch(location, 65536 + crashed, java.util.Arrays.copyOfRange(bytes, 65536 + crashed,
                bytes.length));
        assertThat(last.status()).isEqualTo(204);
        assertThat(last.header("Upload-Offset")).isEqualTo(Integer.toString(bytes.length));
        var video = ws.api().get("/videos/" + tus.head(location).header("X-SocialSync-Video-Id")).json();
        assertThat(video.get("sha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(video.get("size_bytes").asLong()).isEqualTo(bytes.length);
    }

    @Test
    void bytesOfAChecksummedPatchThatACrashCutShortAreNotKeptUnverified() throws Exception {
        var ws = newWorkspace(Role.EDITOR);
        byte[] bytes = Files.readAllBytes(TestVideos.music("tus-crash-sum", 4));
        var tus = new TusRequests(ws.api());
        String location = tus.create(bytes.length, null).header("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(tus.patch(location, 0, java.util.Arrays.copyOf(bytes, 65536)).status()).isEqualTo(204);

        // a server killed mid-PATCH whose Upload-Checksum covered the whole chunk: part of the chunk reached the
        // file, its checksum was never checked (the PATCH had marked the upload as receiving an unverified chunk)
        Path part = files.path(id);
        Files.write(part, java.util.Arrays.copyOfRange(bytes, 65536, 65536 + 100_000), StandardOpenOption.APPEND);
        Files.createFile(files.unverified(id));
        assertThat(tus.head(location).header("Upload-Offset")).isEqualTo("65536");
        assertThat(Files.size(part)).isEqualTo(65536);
        assertThat(files.unverified(id)).doesNotExist();

        var last = tus.patch(location, 65536, java.util.Arrays.copyOfRange(bytes, 65536, bytes.length));
        assertThat(last.status()).isEqualTo(204);
        var video = ws.api().get("/videos/" + tus.head(location).header("X-SocialSync-Video-Id")).json();
        assertThat(video.get("sha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
}
