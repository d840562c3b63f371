package io.socialsync.inventory;

import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.JobRunner;
import io.socialsync.jobs.JobState;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.library.Clips;
import io.socialsync.library.VariantRequests;
import io.socialsync.library.Video;
import io.socialsync.library.Videos;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's editor: the oldest pending, analysed video of the inventory gets its best clip rendered for the
 * default platforms with a random preset, then is marked processed (ready for the publisher). The render is a
 * normal RENDER_VARIANTS job, run here in this process, so its history and ledger events are the usual ones.
 */
@Service
public class InventoryEditor {
    public static final List<String> DEFAULT_PLATFORMS = List.of("instagram_reel", "tiktok", "facebook");
    private final Videos videos;
    private final Clips clips;
    private final VariantRequests variants;
    private final JobQueue jobs;
    private final JobRunner runner;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;

    public InventoryEditor(Videos videos, Clips clips, VariantRequests variants, JobQueue jobs,
                           JobRunner runner, Ledger ledger, TransactionTemplate tx, Clock clock) {
        this.videos = videos;
        this.clips = clips;
        this.variants = variants;
        this.jobs = jobs;
        this.runner = runner;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    public sealed interface Outcome {
        record Processed(Video video, long clipId, long jobId, List<Long> variantIds) implements Outcome {
        }

        record Failed(Video video, String reason) implements Outcome {
        }

        record NothingPending(long stillAnalysing) implements Outcome {
        }
    }

    public Outcome editNext(long workspaceId, LongConsumer jobStarted) {
        Optional<Video> next = videos.oldestReadyPending(workspaceId);
        if (next.isEmpty()) {
            return new Outcome.NothingPending(videos.countAnalysingPending(workspaceId));
        }
        Video video = next.get();
        var best = clips.ofVideo(workspaceId, video.id()).stream().findFirst();
        if (best.isEmpty()) {
            mark(video, EventType.VIDEO_ERROR, Map.of("reason", "no clip was found in this video"));
            return new Outcome.Failed(video, "no clip was found in this video");
        }
        var requested = variants.request(workspaceId, best.get().id(), DEFAULT_PLATFORMS, List.of("random"), null,
                Actor.CLI);
        jobStarted.accept(requested.jobId());
        var claimed = jobs.claimNow(workspaceId, requested.jobId(), runner.name(), Duration.ofMinutes(30));
        // a running server's worker may take the job first: then its outcome is this command's
        String outcome = claimed.isPresent() ? runner.run(claimed.get()) : otherWorkersOutcome(workspaceId, requested.jobId());
        if (!"completed".equals(outcome)) {
            String error = jobs.find(workspaceId, requested.jobId()).map(j -> j.lastError()).orElse(outcome);
            mark(video, EventType.VIDEO_ERROR, Map.of("reason", String.valueOf(error)));
            return new Outcome.Failed(video, String.valueOf(error));
        }
        mark(video, EventType.VIDEO_PROCESSED, Map.of("clip_id", best.get().id(), "job_id", requested.jobId()));
        return new Outcome.Processed(video, best.get().id(), requested.jobId(),
                requested.variants().stream().map(v -> v.id()).toList());
    }

    private String otherWorkersOutcome(long workspaceId, long jobId) {
        try {
            var job = jobs.awaitEnd(workspaceId, jobId, Duration.ofMinutes(30));
            return job.state() == JobState.COMPLETED ? "completed" : job.state().name().toLowerCase();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The seed's status_fb is the event type's tail: video_processed sets "processed", video_error "error". */
    private void mark(Video video, EventType type, Map<String, Object> payload) {
        String statusFb = type.wire().substring("video_".length());
        tx.executeWithoutResult(s -> {
            videos.statusFb(video.workspaceId(), video.id(), statusFb,
                    type == EventType.VIDEO_PROCESSED ? clock.instant() : null, clock.instant());
            ledger.append(new LedgerEvent.New(video.workspaceId(), Actor.CLI, type, "video",
                    Long.toString(video.id()), null, payload));
        });
    }
}
