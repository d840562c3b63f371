package io.socialsync.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.meta.downloads.MediaDownloadSchedule;
import io.socialsync.meta.downloads.MediaStates;
import io.socialsync.meta.webhooks.MetaChange;
import io.socialsync.meta.webhooks.MetaPayloadsTest;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.support.Eventually;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DOWNLOAD_META_MEDIA against WireMock as Meta's CDN: error classification, retries with backoff, idempotency
 * and the batch alert. Posts arrive by signed webhook (so the immediate attempt runs) or, for batches, straight
 * into the table (so only the batch downloads them).
 */
class MediaDownloadJobTest extends MetaServerTest {
    @Autowired
    Storage storage;
    @Autowired
    MediaDownloadSchedule schedule;
    @Autowired
    MeterRegistry meters;

    @Test
    void a404IsAnErrorAndNotRetried() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        String path = stub(404, null);
        deliver("/webhook/facebook", videoPost(ws.pageId(), post, mediaUrl(path)));

        var failed = awaitPost(ws.id(), post, "the 404", p -> p.mediaStatus() == MediaStatus.ERROR);
        assertThat(failed.mediaAttempts()).isEqualTo(1);
        assertThat(failed.localKey()).isNull();
        var error = ws.viewer().get("/meta/posts/" + failed.id()).json().path("media_last_error");
        assertThat(error.path("type").asString()).isEqualTo("http_4xx");
        assertThat(error.path("message").asString()).contains("404");
        assertThat(error.path("attempt").asInt()).isEqualTo(1);
        assertThat(Instant.parse(error.path("timestamp").asString())).isNotNull();
        // written in the same transaction as the error: no retry job exists, now or later
        assertThat(retryJobs(ws.id())).isZero();
        media.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void a503IsRetriedWithBackoffThenSucceeds() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        String path = "/cdn/" + UUID.randomUUID() + ".mp4";
        String scenario = "flaky-" + path;
        media.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        media.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "video/mp4").withBody(new byte[] {1, 2})));
        deliver("/webhook/facebook", videoPost(ws.pageId(), post, mediaUrl(path)));

        var done = awaitPost(ws.id(), post, "the retried download", p -> p.mediaStatus() == MediaStatus.SUCCESS);
        assertThat(done.mediaAttempts()).isEqualTo(2);
        assertThat(done.mediaLastError()).contains("http_5xx"); // the last error stays for the record
        var ledger = ledgerOf(ws.id(), done.id());
        assertThat(ledger).extracting(r -> r.get("event_type"))
                .containsExactly("meta_post_received", "meta_media_failed", "meta_media_downloaded");
        assertThat((String) ledger.get(1).get("payload")).contains("\"will_retry\":true").contains("next_attempt_at");
        media.verify(2, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aSlowResponseTimesOutAndIsRetried() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        String path = "/cdn/" + UUID.randomUUID() + ".jpg";
        String scenario = "slow-" + path;
        media.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000)).willSetStateTo("fast"));
        media.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(new byte[] {7})));
        deliver("/webhook/facebook", MetaPayloadsTest.page(ws.pageId(), "{\"item\":\"photo\",\"verb\":\"add\","
                + "\"post_id\":\"" + post + "\",\"message\":\"a photo\",\"link\":\"" + mediaUrl(path) + "\"}"));

        var done = awaitPost(ws.id(), post, "the download after a timeout", p -> p.mediaStatus() == MediaStatus.SUCCESS);
        assertThat(done.mediaAttempts()).isEqualTo(2);
        assertThat(done.localKey()).isEqualTo(ws.id() + "/publicaciones_meta/" + post + ".png");
        assertThat((String) ledgerOf(ws.id(), done.id()).get(1).get("payload")).contains("\"error_type\":\"timeout\"");
    }

    @Test
    void aServerThatKeepsFailingEndsInErrorAfterFiveAttempts() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        String path = stub(500, null);
        deliver("/webhook/facebook", videoPost(ws.pageId(), post, mediaUrl(path)));

        var failed = awaitPost(ws.id(), post, "five failed attempts", p -> p.mediaStatus() == MediaStatus.ERROR);
        assertThat(failed.mediaAttempts()).isEqualTo(MediaStates.MAX_ATTEMPTS);
        media.verify(MediaStates.MAX_ATTEMPTS, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void anObjectAlreadyStoredCountsAsSuccessWithoutADownload() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        String path = stub(200, "video/mp4");
        var key = StorageKey.of(ws.id() + "/publicaciones_meta/" + post + ".mp4");
        storage.put(key, new ByteArrayInputStream(new byte[] {9, 9, 9}), 3, "video/mp4");
        deliver("/webhook/facebook", videoPost(ws.pageId(), post, mediaUrl(path)));

        var done = awaitPost(ws.id(), post, "the idempotent success", p -> p.mediaStatus() == MediaStatus.SUCCESS);
        assertThat(done.localKey()).isEqualTo(key.value());
        assertThat(done.sizeBytes()).isEqualTo(3);
        assertThat((String) ledgerOf(ws.id(), done.id()).get(1).get("payload")).contains("\"already_stored\":true");
        media.verify(0, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aBatchWithOneFailureInThreeRaisesTheAlert() {
        double before = degradedCount();
        var ws = workspaceWithPage();
        var job = runBatch(ws, 3, 1);
        assertThat(job).contains("\"degraded\":true").contains("\"attempted\":3").contains("\"failed\":1");
        assertThat(batchAlerts(ws.id())).hasSize(1).first().asString().contains("\"error_rate\":0.333");
        assertThat(degradedCount()).isEqualTo(before + 1);
    }

    @Test
    void aBatchWithOneFailureInTenDoesNot() {
        var ws = workspaceWithPage();
        var job = runBatch(ws, 10, 1);
        assertThat(job).contains("\"degraded\":false").contains("\"attempted\":10").contains("\"failed\":1");
        assertThat(batchAlerts(ws.id())).isEmpty();
    }

    @Test
    void theScheduleQueuesOneBatchPerWorkspaceAndInterval() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        posts.insertIfNew(ws.id(), new MetaChange.NewPost(ws.pageId(), MetaPlatform.FACEBOOK, post, PostType.PHOTO,
                "m", mediaUrl(stub(200, "image/jpeg"))), null, Instant.now());
        schedule.enqueueAll();
        schedule.enqueueAll(); // a second scheduler node, or a restart, within the same interval
        assertThat(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND idempotency_key LIKE "
                + "'meta-media-batch-%'").param(ws.id()).query(Long.class).single()).isEqualTo(1);
        awaitPost(ws.id(), post, "the scheduled batch", p -> p.mediaStatus() == MediaStatus.SUCCESS);
    }

    /** {@code total} posts straight into the table, the first {@code failing} answering 404; returns the job's result. */
    private String runBatch(Ws ws, int total, int failing) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String post = postId(ws.pageId());
            String path = i < failing ? stub(404, null) : stub(200, "image/jpeg");
            posts.insertIfNew(ws.id(), new MetaChange.NewPost(ws.pageId(), MetaPlatform.FACEBOOK, post, PostType.PHOTO,
                    "m", mediaUrl(path)), null, Instant.now());
            ids.add(post);
        }
        long jobId = schedule.enqueue(ws.id(), "test-batch").job().id();
        Eventually.await("the batch job", DEADLINE, () -> "COMPLETED".equals(jobState(jobId)));
        for (String post : ids) {
            assertThat(posts.byPostId(ws.id(), post).orElseThrow().mediaAttempts()).isEqualTo(1);
        }
        return jdbc.sql("SELECT result FROM jobs WHERE id = ?").param(jobId).query(String.class).single();
    }

    private String stub(int status, String contentType) {
        String path = "/cdn/" + UUID.randomUUID();
        var response = aResponse().withStatus(status).withBody(new byte[] {1, 2, 3});
        media.stubFor(get(urlEqualTo(path)).willReturn(contentType == null ? response
                : response.withHeader("Content-Type", contentType)));
        return path;
    }

    private String jobState(long id) {
        return jdbc.sql("SELECT state FROM jobs WHERE id = ?").param(id).query(String.class).single();
    }

    private long retryJobs(long ws) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE workspace_id = ? AND idempotency_key LIKE 'meta-media-%-retry-%'")
                .param(ws).query(Long.class).single();
    }

    private List<String> batchAlerts(long ws) {
        return jdbc.sql("SELECT payload FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'meta_download_batch_degraded'").param(ws).query(String.class).list();
    }

    private double degradedCount() {
        var counter = meters.find("socialsync.meta.download.batch.degraded").counter();
        return counter == null ? 0 : counter.count();
    }
}
