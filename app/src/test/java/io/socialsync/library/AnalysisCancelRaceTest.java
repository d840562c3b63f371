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
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * A person cancels an analysis after its signals are analysed and before its clips are recorded: the cancel is
 * made exactly then, by the storage the analysis writes its contact sheet to (the last step before recording).
 */
@TestPropertySource(properties = "socialsync.roles.workers=false")
class AnalysisCancelRaceTest extends ServerTest {
    private static final Pattern SHEET = Pattern.compile("(\\d+)/videos/\\d+/job(\\d+)-contact-sheet\\.jpg");

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
                                    var sheet = SHEET.matcher(key.value());
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
        var upload = admin.send(new Multipart().field("title", "race")
                .file("file", "race.mp4", "video/mp4", TestVideos.bytes(TestVideos.music("race", 8)))
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
}
