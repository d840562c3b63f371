package io.socialsync.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.support.Multipart;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestVideos;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A person cancels a job just before it records its work: the cancel is made exactly then, by the storage the job
 * writes its last file to (an analysis' contact sheet, a render's outputs), without sleeps. Workers are off: each
 * job runs to its end in the request that processes it.
 */
@TestPropertySource(properties = "socialsync.roles.workers=false")
class CancelRaceTest extends ServerTest {
    private static final Pattern SHEET = Pattern.compile("(\\d+)/videos/\\d+/job(\\d+)-contact-sheet\\.jpg");
    private static final Pattern OUTPUT = Pattern.compile("(\\d+)/variants/\\d+/job(\\d+)-.*");
    /** The stored file whose key matches this (groups: workspace, job) cancels its job as it is stored. */
    private static volatile Pattern cancelAt = SHEET;
    @Autowired Clips clips;
    @Autowired JdbcClient jdbc;

    @TestConfiguration
    static class CancelOnContactSheet {
        @Bean
        static BeanPostProcessor cancellingStorage(ObjectProvider<JobQueue> queue) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof Storage storage)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[]{Storage.class},
                            (proxy, method, args) -> {
                                Object result;
                                try {
                                    result = method.invoke(storage, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                                if (method.getName().startsWith("put") && args[0] instanceof StorageKey key) {
                                    var sheet = cancelAt.matcher(key.value());
                                    if (sheet.matches()) {
                                        queue.getObject().cancel(Long.parseLong(sheet.group(1)),
                                                Long.parseLong(sheet.group(2)), Actor.user(1));
                                    }
                                }
                                return result;
                            });
                }
            };
        }
    }

    @Test
    void aCancelBetweenTheAnalysisAndItsRecordingLeavesTheVideoCancelledWithoutClips() {
        cancelAt = SHEET;
        var upload = admin.send(new Multipart().field("title", "race")
                .file("file", "race.mp4", "video/mp4", TestVideos.bytes(TestVideos.distinctMusic("race", 8)))
                .into(admin.request("/upload")));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        long id = upload.json().get("video").get("id").asLong();
        long job = upload.json().get("job_id").asLong();

        // workers are off: the job runs here, to its end, in this request
        var processed = admin.post("/jobs/" + job + "/process", null);
        assertThat(processed.status()).as(processed.body()).isEqualTo(200);

        assertThat(processed.json().get("state").asString()).isEqualTo("CANCELLED");
        var video = admin.get("/videos/" + id).json();
        assertThat(video.get("state").asString()).as(video.toString()).isEqualTo("CANCELLED");
        assertThat(video.get("error").asString()).contains("job " + job + " was cancelled by user:1");
        assertThat(admin.get("/clips?video_id=" + id).json().get("items")).isEmpty();
    }

    /** The same race for a render: a cancel while its outputs are stored leaves its variants FAILED, not READY. */
    @Test
    void aCancelWhileARendersOutputsAreStoredLeavesItsVariantsFailed() {
        var upload = admin.send(new Multipart().field("title", "render-race")
                .file("file", "render-race.mp4", "video/mp4", TestVideos.bytes(TestVideos.distinctMusic("render-race", 6)))
                .into(admin.request("/upload")));
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        long video = upload.json().get("video").get("id").asLong();
        long ws = jdbc.sql("SELECT workspace_id FROM videos WHERE id = ?").param(video).query(Long.class).single();
        long clip = clips.insert(ws, video, 1, 0, 4000, 60, "{}", "r", null, null, java.time.Instant.now());
        var requested = admin.post("/clips/" + clip + "/variants", "{\"platforms\":[\"tiktok\"]}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        long job = requested.json().get("job_id").asLong();
        long variant = requested.json().get("variants").get(0).get("id").asLong();
        cancelAt = OUTPUT;

        var processed = admin.post("/jobs/" + job + "/process", null);
        assertThat(processed.status()).as(processed.body()).isEqualTo(200);

        assertThat(processed.json().get("state").asString()).isEqualTo("CANCELLED");
        var rendered = admin.get("/variants/" + variant).json();
        assertThat(rendered.get("state").asString()).as(rendered.toString()).isEqualTo("FAILED");
        assertThat(rendered.get("error").asString()).contains("render job " + job + " was cancelled by user:1");
    }
}
