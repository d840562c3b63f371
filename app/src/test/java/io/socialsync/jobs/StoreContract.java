package io.socialsync.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.handlers.NoopHandler;
import io.socialsync.jobs.testing.BrokenGiveUpHandler;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.LedgerEvents;
import io.socialsync.ledger.LedgerQuery;
import io.socialsync.ledger.LedgerVerifier;
import io.socialsync.library.AnalyseVideoHandler;
import io.socialsync.library.Clips;
import io.socialsync.library.Reanalysis;
import io.socialsync.library.RenderVariantsHandler;
import io.socialsync.library.RescoreClipHandler;
import io.socialsync.library.Variant;
import io.socialsync.library.VariantRequests;
import io.socialsync.library.Variants;
import io.socialsync.library.Video;
import io.socialsync.library.VideoState;
import io.socialsync.library.Videos;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue, ledger and key stores against a real database. Run once per database by its subclasses, so H2
 * and PostgreSQL must behave the same. Workers are off: the tests drive every transition themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false",
        "socialsync.jobs.backoff-base=60s"})
abstract class StoreContract {
    static final Duration LEASE = Duration.ofSeconds(30);
    @Autowired JobQueue queue;
    @Autowired JobRows rows;
    @Autowired Workspaces workspaces;
    @Autowired LedgerEvents ledgerEvents;
    @Autowired LedgerVerifier verifier;
    @Autowired ApiKeyService apiKeys;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Videos videos;
    @Autowired Clips clips;
    @Autowired Variants variants;
    @Autowired Reanalysis reanalysis;
    @Autowired VariantRequests variantRequests;
    long ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
    }

    private Job enqueue(Object payload) {
        return queue.enqueue(JobRequest.of(ws, NoopHandler.KIND, payload), Actor.SYSTEM).job();
    }

    private List<Job.Claimed> claimAll(String worker) {
        return queue.claim(worker, List.of(NoopHandler.KIND), 1000, LEASE).stream()
                .filter(c -> c.job().workspaceId() == ws).toList();
    }

    private List<String> eventTypes(long jobId) {
        return ledgerEvents.page(new LedgerQuery(ws, "job", Long.toString(jobId), null, null, null, null, 100))
                .reversed().stream().map(e -> e.eventType()).toList();
    }

    @Test
    void jobRunsFromCreationToCompletionWithItsHistoryAndLedgerEvents() {
        Job job = enqueue(Map.of("x", 1));
        assertThat(job.state()).isEqualTo(JobState.AVAILABLE);
        var claimed = claimAll("w1");
        assertThat(claimed).extracting(Job.Claimed::id).containsExactly(job.id());
        assertThat(claimed.getFirst().job().state()).isEqualTo(JobState.RUNNING);
        assertThat(claimed.getFirst().job().attempt()).isEqualTo(1);

        assertThat(queue.complete(claimed.getFirst(), Map.of("done", true), "w1")).isTrue();

        Job done = queue.find(ws, job.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.COMPLETED);
        assertThat(done.result()).isEqualTo("{\"done\":true}");
        assertThat(done.progressPercent()).isEqualTo(100);
        assertThat(queue.attempts(ws, job.id())).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo("COMPLETED"))
                .satisfies(a -> assertThat(a.worker()).isEqualTo("w1"));
        assertThat(eventTypes(job.id())).containsExactly("job_created", "job_started", "job_completed");
    }

    @Test
    void sameIdempotencyKeyGivesTheSameJob() {
        var request = JobRequest.of(ws, NoopHandler.KIND, Map.of()).withIdempotencyKey("upload-42");
        var first = queue.enqueue(request, Actor.SYSTEM);
        var second = queue.enqueue(request, Actor.SYSTEM);
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.job().id()).isEqualTo(first.job().id());
        assertThat(queue.page(ws, null, null, null, 10)).hasSize(1);
    }

    @Test
    void theDatabaseRefusesASecondJobWithTheSameKeyWhenTwoEnqueuesRace() {
        // what enqueue's DuplicateKeyException branch relies on once both requests passed the key look-up; on
        // PostgreSQL the unique index is partial (V41), so jobs without a key never collide
        var keyed = JobRequest.of(ws, NoopHandler.KIND, Map.of()).withIdempotencyKey("raced");
        var keyless = JobRequest.of(ws, NoopHandler.KIND, Map.of());
        tx.executeWithoutResult(s -> rows.insert(keyed, "{}", JobState.AVAILABLE, 3, Instant.now()));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> rows.insert(keyed, "{}", JobState.AVAILABLE, 3,
                Instant.now()))).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        tx.executeWithoutResult(s -> {
            rows.insert(keyless, "{}", JobState.AVAILABLE, 3, Instant.now());
            rows.insert(keyless, "{}", JobState.AVAILABLE, 3, Instant.now());
        });
        assertThat(queue.page(ws, null, null, null, 10)).hasSize(3);
    }

    @Test
    void enqueueAllMakesEveryJobWithItsCreatedEventInTheCallersTransaction() {
        var later = JobRequest.of(ws, NoopHandler.KIND, Map.of("n", 3)).at(Instant.now().plus(Duration.ofDays(1)));
        List<Long> ids = tx.execute(status -> queue.enqueueAll(List.of(JobRequest.of(ws, NoopHandler.KIND,
                Map.of("n", 1)), JobRequest.of(ws, NoopHandler.KIND, Map.of("n", 2)), later), Actor.SYSTEM));

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids).extracting(id -> queue.find(ws, id).orElseThrow().state())
                .containsExactly(JobState.AVAILABLE, JobState.AVAILABLE, JobState.SCHEDULED);
        assertThat(ids).allSatisfy(id -> assertThat(eventTypes(id)).containsExactly("job_created"));
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
        assertThatThrownBy(() -> tx.execute(status -> queue.enqueueAll(List.of(JobRequest.of(ws, NoopHandler.KIND,
                Map.of()).withIdempotencyKey("k")), Actor.SYSTEM))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.enqueueAll(List.of(JobRequest.of(ws, NoopHandler.KIND, Map.of())),
                Actor.SYSTEM)).as("only inside the caller's transaction").isInstanceOf(RuntimeException.class);
        assertThat(queue.page(ws, null, null, null, 10)).hasSize(3);
    }

    @Test
    void concurrentWorkersNeverClaimTheSameJob() throws Exception {
        for (int i = 0; i < 300; i++) {
            enqueue(Map.of("i", i));
        }
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
        var pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            String worker = "w" + t;
            pool.submit(() -> {
                List<Job.Claimed> batch;
                while (!(batch = queue.claim(worker, List.of(NoopHandler.KIND), 5, LEASE)).isEmpty()) {
                    for (var c : batch) {
                        if (!seen.add(c.id())) {
                            duplicates.add(c.id());
                        }
                        queue.complete(c, null, worker);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(duplicates).isEmpty();
        assertThat(queue.page(ws, JobState.COMPLETED, null, null, 500)).hasSize(300);
    }

    @Test
    void aWorkerThatLostItsLeaseCannotCompleteTheReclaimedJob() {
        Job job = enqueue(Map.of());
        var zombie = claimAll("zombie").getFirst();
        expireLease(job.id());

        assertThat(queue.reapExpiredLeases(100)).isGreaterThanOrEqualTo(1);
        assertThat(queue.find(ws, job.id()).orElseThrow().state()).isEqualTo(JobState.RETRYABLE);
        var fresh = claimAll("healthy").getFirst();
        assertThat(fresh.leaseToken()).isNotEqualTo(zombie.leaseToken());

        assertThat(queue.complete(zombie, Map.of("by", "zombie"), "zombie")).isFalse();
        assertThat(queue.fail(zombie, "late", false, "zombie")).isFalse();
        assertThat(queue.progress(zombie, 50, "late")).isFalse();
        assertThat(queue.complete(fresh, Map.of("by", "healthy"), "healthy")).isTrue();

        Job done = queue.find(ws, job.id()).orElseThrow();
        assertThat(done.result()).contains("healthy");
        assertThat(queue.attempts(ws, job.id())).extracting(Job.Attempt::outcome)
                .containsExactly("LEASE_EXPIRED", "COMPLETED");
        assertThat(eventTypes(job.id())).containsExactly("job_created", "job_started", "job_retry_scheduled",
                "job_started", "job_completed");
    }

    @Test
    void renewingALeaseKeepsTheJobFromBeingReaped() {
        Job job = enqueue(Map.of());
        var claimed = claimAll("w").getFirst();
        expireLease(job.id());
        assertThat(queue.renew(claimed, LEASE)).isTrue();
        assertThat(queue.reapExpiredLeases(100)).isZero();
        assertThat(queue.find(ws, job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    }

    @Test
    void failuresRetryWithBackoffUntilAttemptsAreSpent() {
        Job job = enqueue(Map.of());
        int max = job.maxAttempts();
        for (int attempt = 1; attempt <= max; attempt++) {
            makeDue(job.id());
            var claimed = claimAll("w").getFirst();
            assertThat(queue.fail(claimed, "boom " + attempt, false, "w")).isTrue();
            Job after = queue.find(ws, job.id()).orElseThrow();
            if (attempt < max) {
                assertThat(after.state()).isEqualTo(JobState.RETRYABLE);
                // backoff-base is 60 s: the retry is not due yet, so nobody can claim it
                assertThat(after.runAt()).isAfter(Instant.now().plusSeconds(20));
                assertThat(claimAll("w")).isEmpty();
            } else {
                assertThat(after.state()).isEqualTo(JobState.FAILED);
                assertThat(after.lastError()).isEqualTo("boom " + max);
            }
        }
        assertThat(queue.attempts(ws, job.id())).hasSize(max);
        assertThat(eventTypes(job.id())).endsWith("job_failed");
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        Job job = enqueue(Map.of());
        var claimed = claimAll("w").getFirst();
        queue.fail(claimed, "not a video", true, "w");
        assertThat(queue.find(ws, job.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
    }

    @Test
    void cancelledJobsAreNotRunAndRunningOnesCannotComplete() {
        Job waiting = enqueue(Map.of());
        assertThat(queue.cancel(ws, waiting.id(), Actor.SYSTEM).state()).isEqualTo(JobState.CANCELLED);
        assertThat(claimAll("w")).isEmpty();

        Job running = enqueue(Map.of());
        var claimed = claimAll("w").getFirst();
        queue.cancel(ws, running.id(), Actor.SYSTEM);
        assertThat(queue.complete(claimed, null, "w")).isFalse();
        assertThat(queue.renew(claimed, LEASE)).isFalse();
        assertThat(queue.find(ws, running.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);

        assertThatThrownBy(() -> queue.cancel(ws, running.id(), Actor.SYSTEM)).isInstanceOf(Conflict.class)
                .hasMessageContaining("already CANCELLED");
        Job retried = queue.retry(ws, running.id(), Actor.SYSTEM);
        assertThat(retried.state()).isEqualTo(JobState.AVAILABLE);
        assertThat(retried.maxAttempts()).isGreaterThan(retried.attempt());
        assertThat(claimAll("w")).extracting(Job.Claimed::id).containsExactly(running.id());
    }

    @Test
    void scheduledJobsWaitForTheirTimeAndPriorityOrdersDueJobs() {
        var later = queue.enqueue(JobRequest.of(ws, NoopHandler.KIND, Map.of())
                .at(Instant.now().plus(Duration.ofHours(1))), Actor.SYSTEM).job();
        assertThat(later.state()).isEqualTo(JobState.SCHEDULED);
        Job low = enqueue(Map.of());
        Job high = queue.enqueue(new JobRequest(ws, NoopHandler.KIND, Map.of(), 10, null, null, null),
                Actor.SYSTEM).job();

        assertThat(claimAll("w")).extracting(Job.Claimed::id).containsExactly(high.id(), low.id());
        makeDue(later.id());
        assertThat(claimAll("w")).extracting(Job.Claimed::id).containsExactly(later.id());
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        Job job = enqueue(Map.of());
        long other = workspaces.create("other-" + UUID.randomUUID()).id();
        assertThat(queue.find(other, job.id())).isEmpty();
        assertThat(queue.page(other, null, null, null, 10)).isEmpty();
        assertThatThrownBy(() -> queue.cancel(other, job.id(), Actor.SYSTEM)).isInstanceOf(NotFound.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void keysetPagesWalkEveryJobOnce() {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            ids.add(enqueue(Map.of()).id());
        }
        Set<Long> walked = new HashSet<>();
        Long before = null;
        List<Job> page;
        while (!(page = queue.page(ws, null, NoopHandler.KIND, before, 3)).isEmpty()) {
            page.forEach(j -> assertThat(walked.add(j.id())).isTrue());
            before = page.getLast().id();
        }
        assertThat(walked).isEqualTo(ids);
    }

    @Test
    void apiKeysAreStoredHashedAndRevocable() {
        var created = apiKeys.create(ws, "ci", Role.VIEWER, Actor.SYSTEM);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_keys WHERE key_hash = ?").param(created.plainKey())
                .query(Long.class).single()).isZero();
        assertThat(apiKeys.authenticate(created.plainKey())).hasValueSatisfying(c -> {
            assertThat(c.workspaceId()).isEqualTo(ws);
            assertThat(c.role()).isEqualTo(Role.VIEWER);
        });
        apiKeys.revoke(ws, created.key().id(), Actor.SYSTEM);
        assertThat(apiKeys.authenticate(created.plainKey())).isEmpty();
    }

    @Test
    void theLedgerDetectsAChangedADeletedAndAnInsertedRow() {
        enqueue(Map.of("a", 1));
        enqueue(Map.of("b", 2));
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
        long last = jdbc.sql("SELECT MAX(id) FROM ledger_events").query(Long.class).single();
        long victim = last - 1;

        String original = jdbc.sql("SELECT payload FROM ledger_events WHERE id = ?").param(victim)
                .query(String.class).single();
        jdbc.sql("UPDATE ledger_events SET payload = ? WHERE id = ?").params("{\"kind\":\"forged\"}", victim).update();
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Broken.class,
                b -> assertThat(b.id()).isEqualTo(victim));
        jdbc.sql("UPDATE ledger_events SET payload = ? WHERE id = ?").params(original, victim).update();
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);

        var row = jdbc.sql("SELECT * FROM ledger_events WHERE id = ?").param(victim).query().singleRow();
        jdbc.sql("DELETE FROM ledger_events WHERE id = ?").param(victim).update();
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Broken.class,
                b -> assertThat(b.reason()).containsAnyOf("missing", "deleted"));
        reinsert(row);
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);

        jdbc.sql("INSERT INTO ledger_events (id, occurred_at, workspace_id, actor, event_type, payload, prev_hash, hash, "
                        + "chain, seq) VALUES (?, CURRENT_TIMESTAMP, ?, 'intruder', 'job_completed', '{}', ?, ?, 0, 999999)")
                .params(last + 1, ws, "f".repeat(64), "e".repeat(64)).update();
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Broken.class);
        jdbc.sql("DELETE FROM ledger_events WHERE id = ?").param(last + 1).update();
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.sql("INSERT INTO ledger_events (id, occurred_at, workspace_id, actor, event_type, entity_type, entity_id, "
                        + "job_id, payload, prev_hash, hash, mac, chain, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(row.get("id"), row.get("occurred_at"), row.get("workspace_id"), row.get("actor"),
                        row.get("event_type"), row.get("entity_type"), row.get("entity_id"), row.get("job_id"),
                        row.get("payload"), row.get("prev_hash"), row.get("hash"), row.get("mac"), row.get("chain"),
                        row.get("seq")).update();
    }

    /** Stands in for time passing: the lease now lies in the database's past. */
    @Test
    void aJobReapedWithItsAttemptsSpentLeavesItsVideoFailedWithTheReason() {
        long videoId = uploadedVideo();
        var job = queue.enqueue(JobRequest.of(ws, AnalyseVideoHandler.KIND, Map.of("video_id", videoId)),
                Actor.SYSTEM).job();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(queue.claim("dying", List.of(AnalyseVideoHandler.KIND), 1000, LEASE))
                    .extracting(Job.Claimed::id).contains(job.id());
            expireLease(job.id());
            assertThat(queue.reapExpiredLeases(100)).isGreaterThanOrEqualTo(1);
            assertThat(videos.byId(ws, videoId).orElseThrow().state())
                    .isEqualTo(attempt < 3 ? VideoState.RECEIVED : VideoState.FAILED);
        }
        assertThat(queue.find(ws, job.id()).orElseThrow().state()).isEqualTo(JobState.FAILED);
        assertThat(videos.byId(ws, videoId).orElseThrow().error())
                .isEqualTo("analysis failed after 3 attempt(s): lease expired: worker dying stopped responding");
        assertThat(ledgerEvents.page(new LedgerQuery(ws, "video", Long.toString(videoId), null, null, null, null, 10)))
                .extracting(e -> e.eventType()).containsExactly("video_failed");
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    /** A person cancels a running analysis: the video must not stay ANALYSING, and can be analysed again. */
    @Test
    void aCancelledAnalysisLeavesItsVideoCancelledSayingByWhomAndItCanBeAnalysedAgain() {
        long videoId = uploadedVideo();
        var job = queue.enqueue(JobRequest.of(ws, AnalyseVideoHandler.KIND, Map.of("video_id", videoId)),
                Actor.SYSTEM).job();
        assertThat(queue.claim("w", List.of(AnalyseVideoHandler.KIND), 1000, LEASE)).extracting(Job.Claimed::id)
                .contains(job.id());
        videos.state(ws, videoId, VideoState.ANALYSING, Instant.now());

        queue.cancel(ws, job.id(), Actor.user(7));

        var video = videos.byId(ws, videoId).orElseThrow();
        assertThat(video.state()).isEqualTo(VideoState.CANCELLED);
        assertThat(video.error())
                .isEqualTo("analysis job " + job.id() + " was cancelled by user:7; analyse the video again");
        assertThat(ledgerEvents.page(new LedgerQuery(ws, "video", Long.toString(videoId), null, null, null, null, 10)))
                .singleElement().satisfies(e -> {
                    assertThat(e.eventType()).isEqualTo("video_cancelled");
                    assertThat(e.actor()).isEqualTo("user:7");
                });
        long again = reanalysis.request(ws, videoId, Reanalysis.Lengths.DEFAULT, Actor.user(7));
        assertThat(queue.find(ws, again).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    /** A cancelled re-analysis of a READY video leaves it READY: its clips stay. */
    @Test
    void aCancelledReanalysisLeavesAReadyVideoReady() {
        long videoId = uploadedVideo();
        videos.analysed(ws, videoId, null, Instant.now());
        long job = reanalysis.request(ws, videoId, Reanalysis.Lengths.DEFAULT, Actor.SYSTEM);

        queue.cancel(ws, job, Actor.user(7));

        assertThat(videos.byId(ws, videoId).orElseThrow().state()).isEqualTo(VideoState.READY);
        assertThat(ledgerEvents.page(new LedgerQuery(ws, "video", Long.toString(videoId), null, null, null, null, 10)))
                .isEmpty();
    }

    /** A re-score that fails for good frees its clip for the next edit and says why on the clip itself. */
    @Test
    void aRescoreThatFailsForGoodClearsItsClipsJobAndLeavesTheReasonUntilTheNextEdit() {
        var now = Instant.now();
        long videoId = uploadedVideo();
        long clipId = clips.insert(ws, videoId, 1, 0, 5000, 50, "{}", "r", null, null, now);
        var job = queue.enqueue(JobRequest.of(ws, RescoreClipHandler.KIND, Map.of("clip_id", clipId,
                "start_s", 1, "end_s", 4)), Actor.SYSTEM).job();
        clips.rescoring(ws, clipId, job.id());
        var claimed = queue.claim("w", List.of(RescoreClipHandler.KIND), 1000, LEASE).stream()
                .filter(c -> c.id() == job.id()).findFirst().orElseThrow();

        assertThat(queue.fail(claimed, "cannot read /srv/socialsync/work/rescore-1/source.mp4", true, "w")).isTrue();

        var clip = clips.byId(ws, clipId).orElseThrow();
        assertThat(clip.rescoreJobId()).isNull();
        assertThat(clip.rescoreError())
                .isEqualTo("re-score job " + job.id() + " failed after 1 attempt(s): cannot read source.mp4");
        assertThat(clip.startMs()).isZero();
        clips.rescoring(ws, clipId, job.id() + 1);
        assertThat(clips.byId(ws, clipId).orElseThrow().rescoreError()).isNull();
    }

    @Test
    void aRenderJobThatFailsForGoodLeavesItsPendingVariantsFailed() {
        var now = Instant.now();
        long videoId = uploadedVideo();
        long clipId = clips.insert(ws, videoId, 1, 0, 5000, 50, "{}", "r", null, null, now);
        long variantId = variants.insertPending(ws, clipId, "tiktok", "clean", "{}", 1, now);
        var job = queue.enqueue(JobRequest.of(ws, RenderVariantsHandler.KIND, Map.of("clip_id", clipId,
                "variant_ids", List.of(variantId))), Actor.SYSTEM).job();
        var claimed = queue.claim("w", List.of(RenderVariantsHandler.KIND), 1000, LEASE).stream()
                .filter(c -> c.id() == job.id()).findFirst().orElseThrow();

        assertThat(queue.fail(claimed, "cannot store /var/lib/socialsync/work/render-1/tiktok.mp4", true, "w"))
                .isTrue();

        assertThat(variants.byId(ws, variantId).orElseThrow()).satisfies(v -> {
            assertThat(v.state()).isEqualTo(Variant.State.FAILED);
            assertThat(v.error()).isEqualTo("cannot store tiktok.mp4");
        });
    }

    /** A person cancels a render: its variants must not stay PENDING, and the clip's variants can be asked again. */
    @Test
    void aCancelledRenderLeavesItsPendingVariantsFailedNamingTheCancelAndTheyCanBeRequestedAgain() {
        var now = Instant.now();
        long videoId = uploadedVideo();
        long clipId = clips.insert(ws, videoId, 1, 0, 15000, 50, "{}", "r", null, null, now);
        var requested = variantRequests.request(ws, clipId, List.of("tiktok"), List.of("none"), null, Actor.SYSTEM);
        long variantId = requested.variants().getFirst().id();

        queue.cancel(ws, requested.jobId(), Actor.user(7));

        assertThat(variants.byId(ws, variantId).orElseThrow()).satisfies(v -> {
            assertThat(v.state()).isEqualTo(Variant.State.FAILED);
            assertThat(v.error()).isEqualTo("render job " + requested.jobId()
                    + " was cancelled by user:7; request the variants again");
        });
        var again = variantRequests.request(ws, clipId, List.of("tiktok"), List.of("none"), null, Actor.user(7));
        assertThat(again.variants()).singleElement()
                .satisfies(v -> assertThat(v.state()).isEqualTo(Variant.State.PENDING));
        assertThat(queue.find(ws, again.jobId()).orElseThrow().state()).isEqualTo(JobState.AVAILABLE);
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    @Test
    void aGiveUpHookThatBreaksIsUndoneButTheFailureStandsWithoutServerPaths() {
        var job = queue.enqueue(JobRequest.of(ws, BrokenGiveUpHandler.KIND, Map.of()), Actor.SYSTEM).job();
        var claimed = queue.claim("w", List.of(BrokenGiveUpHandler.KIND), 1000, LEASE).stream()
                .filter(c -> c.id() == job.id()).findFirst().orElseThrow();

        assertThat(queue.fail(claimed, "cannot read /srv/socialsync/data/work/x-1/source.mp4: broken", false, "w"))
                .isTrue();

        Job failed = queue.find(ws, job.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.lastError()).isEqualTo("cannot read source.mp4: broken");
        assertThat(queue.attempts(ws, job.id())).extracting(Job.Attempt::error)
                .containsExactly("cannot read source.mp4: broken");
        assertThat(eventTypes(job.id())).containsExactly("job_created", "job_started", "job_failed");
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    private void expireLease(long jobId) {
        jdbc.sql("UPDATE jobs SET lease_expires_at = CURRENT_TIMESTAMP - INTERVAL '1' MINUTE WHERE id = ?")
                .param(jobId).update();
    }

    private void makeDue(long jobId) {
        jdbc.sql("UPDATE jobs SET run_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND WHERE id = ?").param(jobId).update();
    }

    private long uploadedVideo() {
        return videos.insert(new Video.New(ws, Video.Source.upload, "t", null, null, "a.mp4", ws + "/videos/a.mp4",
                "video/mp4", 10, "0".repeat(64)), null, Instant.now());
    }
}
