package io.socialsync.ingest.tus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.support.IngestServerTest;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JavaScript tus client (tus-js-client from npm, under Node; bin/setup-node installs both) uploads a video in
 * chunks, stops after the first, and a second Upload resumes from the server's offset: what browsers and the
 * seed's Node callers run, header by header.
 */
class TusJsClientTest extends IngestServerTest {
    static final Path DIR = Path.of("src/test/node/tus-js");
    /** RFC 9110 IMF-fixdate: two-digit day, GMT. */
    static final String IMF_FIXDATE = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
            + "|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    @Test
    void uploadsInChunksStopsResumesAndTheLastAnswerNamesTheVideo() throws Exception {
        assumeTrue(Files.isDirectory(DIR.resolve("node_modules/tus-js-client")),
                "tus-js-client is not installed: run bin/setup-node");
        var ws = newWorkspace(Role.EDITOR);
        Path file = TestVideos.music("tus-js", 4);
        long size = Files.size(file);
        assertThat(size).isGreaterThan(3 * 64 * 1024); // several chunks after the stop

        Path err = Files.createTempFile("tus-js", ".err");
        var node = new ProcessBuilder("node", "upload.mjs", ws.api().baseUrl() + "/uploads/tus", ws.api().key(),
                file.toAbsolutePath().toString()).directory(DIR.toFile()).redirectError(err.toFile()).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).as(Files.readString(err)).isZero();

        JsonNode result = JsonMapper.builder().build().readTree(out);
        var responses = result.get("responses").valueStream().toList();
        JsonNode created = responses.getFirst();
        assertThat(created.get("method").asString()).isEqualTo("POST");
        assertThat(created.get("status").asInt()).isEqualTo(201);
        assertThat(created.get("location").asString()).startsWith(ws.api().baseUrl() + "/uploads/tus/");
        assertThat(created.get("expires").asString()).matches(IMF_FIXDATE);
        assertThat(result.get("resumed_url").asString()).isEqualTo(result.get("url").asString())
                .isEqualTo(created.get("location").asString());
        assertThat(responses).anySatisfy(r -> {
            assertThat(r.get("method").asString()).isEqualTo("HEAD");
            assertThat(r.get("offset").asString()).isEqualTo("65536");
        });
        // no video id until the last byte is in: an unfinished upload has none (not "0")
        assertThat(responses.subList(0, responses.size() - 1)).allSatisfy(r -> {
            assertThat(r.get("video_id").isNull()).as(r.toString()).isTrue();
            assertThat(r.get("expires").asString()).matches(IMF_FIXDATE);
        });
        JsonNode last = responses.getLast();
        assertThat(last.get("method").asString()).isEqualTo("PATCH");
        assertThat(last.get("offset").asString()).isEqualTo(Long.toString(size));
        var video = ws.api().get("/videos/" + last.get("video_id").asString()).json();
        assertThat(video.get("size_bytes").asLong()).isEqualTo(size);
        assertThat(video.get("original_name").asString()).isEqualTo("tus-js.mp4");
    }
}
