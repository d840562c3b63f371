package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.support.Api;
import io.socialsync.support.Multipart;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Values longer than the column they go into are a 400 that names the field, refused before anything is stored;
 * an upload that fails after its bytes were stored leaves none behind.
 */
class FieldLimitsTest extends ServerTest {
    private static final String LONG_KEY = "k".repeat(201);
    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;
    private long workspace;
    private Api api;

    @BeforeEach
    void ownWorkspace() {
        workspace = workspaces.create("limits-" + UUID.randomUUID()).id();
        api = admin.withKey(keys.create(workspace, "limits", Role.ADMIN, Actor.SYSTEM).plainKey());
    }

    /** Enough of an MP4 to pass the sniffer; never analysed, since every upload here is refused. */
    private static byte[] video() {
        byte[] bytes = Arrays.copyOf(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}, 64 * 1024);
        return bytes;
    }

    private long storedFiles() throws IOException {
        Path videos = DATA.resolve("files").resolve(Long.toString(workspace)).resolve("videos");
        if (!Files.isDirectory(videos)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(videos)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void assertNamesField(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private Api.Response upload(Multipart form, String idempotencyKey) {
        var request = api.request("/upload");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.send(form.into(request));
    }

    @Test
    void aLongIdempotencyKeyOnAJobIsA400() {
        var response = api.send(api.request("/jobs").header("Content-Type", "application/json")
                .header("Idempotency-Key", LONG_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"NOOP\",\"run_at\":\"2999-01-01T00:00:00Z\"}")));
        assertNamesField(response, "Idempotency-Key");
        // the field as the request named it, not as Java does (idempotencyKey)
        assertNamesField(api.post("/jobs", "{\"kind\":\"NOOP\",\"idempotency_key\":\"" + LONG_KEY + "\"}"),
                "idempotency_key");
        assertThat(api.get("/jobs").json().get("items")).isEmpty();

        var exact = api.send(api.request("/jobs").header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(200))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"NOOP\",\"run_at\":\"2999-01-01T00:00:00Z\"}")));
        assertThat(exact.status()).isEqualTo(201);
    }

    @Test
    void aLongIdempotencyKeyOnAnUploadIsRefusedBeforeAnyByteIsStored() throws IOException {
        var response = upload(new Multipart().file("file", "a.mp4", "video/mp4", video()), LONG_KEY);
        assertNamesField(response, "Idempotency-Key");
        assertThat(storedFiles()).isZero();
        assertThat(api.get("/videos").json().get("items")).isEmpty();
    }

    @Test
    void longFormFieldsBeforeTheFileAreRefusedBeforeAnyByteIsStored() throws IOException {
        assertNamesField(upload(new Multipart().field("dedup_key", LONG_KEY)
                .file("file", "a.mp4", "video/mp4", video()), null), "dedup_key");
        assertNamesField(upload(new Multipart().field("title", "t".repeat(501))
                .file("file", "a.mp4", "video/mp4", video()), null), "title");
        assertThat(storedFiles()).isZero();
        assertThat(api.get("/videos").json().get("items")).isEmpty();
    }

    @Test
    void anUploadRefusedAfterItsFileWasStoredLeavesNoBytesBehind() throws IOException {
        assertNamesField(upload(new Multipart().file("file", "a.mp4", "video/mp4", video())
                .field("dedup_key", LONG_KEY), null), "dedup_key");
        assertThat(storedFiles()).isZero();

        // the file part ends cleanly, then the body breaks off without its closing boundary
        String boundary = "b" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes();
        byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-da").getBytes();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(video());
        body.writeBytes(tail);
        var broken = api.send(api.request("/upload").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(broken.status()).as(broken.body()).isEqualTo(400);
        assertThat(storedFiles()).isZero();
        assertThat(api.get("/videos").json().get("items")).isEmpty();
    }

    @Test
    void aLongTitleInTusMetadataIsRefusedAtCreation() {
        String title = java.util.Base64.getEncoder().encodeToString("t".repeat(501).getBytes());
        var response = api.send(api.request("/uploads/tus").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "100").header("Upload-Metadata", "filename YS5tcDQ=,title " + title)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("title");
    }

    @Test
    void aLongIdempotencyKeyOnAUrlIngestIsA400() {
        var response = api.send(api.request("/ingest").header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(194))
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/v.mp4\"}")));
        assertNamesField(response, "Idempotency-Key");
        assertThat(api.get("/jobs").json().get("items")).isEmpty();
    }
}
