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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's editor: the oldest pending, analysed video of the inventory gets its best clips rendered for the
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
        /** {@code clipIds[i]} was rendered as {@code variantIds[i]}. */
        record Processed(Video video, List<Long> clipIds, List<List<Long>> variantIds) implements Outcome {
        }

        record Failed(Video video, String reason) implements Outcome {
        }

        record NothingPending(long stillAnalysing) implements Outcome {
        }
    }

    /** Told when each clip's render starts, so a caller can show its progress. */
    public interface Progress {
        void rendering(int clip, int of, long jobId);
    }

    /** How long a video stays claimed per clip: a process that dies mid-render frees it after this. */
    static final Duration CLAIM_PER_CLIP = Duration.ofMinutes(30);

    /**
     * Claims the oldest pending analysed video (status_fb {@code editing}: no other edit takes it) and renders its
     * best {@code clipCount} clips, one job each, one after the other; all rendered makes it {@code processed}.
     */
    public Outcome editNext(long workspaceId, int clipCount, Progress progress) {
        var now = clock.instant();
        Optional<Video> next = videos.claim(workspaceId, "pending", "editing", now,
                now.plus(CLAIM_PER_CLIP.multipliedBy(clipCount)));
        if (next.isEmpty()) {
            return new Outcome.NothingPending(videos.countAnalysingPending(workspaceId));
        }
        Video video = next.get();
        var best = clips.ofVideo(workspaceId, video.id()).stream().limit(clipCount).toList();
        if (best.isEmpty()) {
            mark(video, EventType.VIDEO_ERROR, Map.of("reason", "no clip was found in this video"));
            return new Outcome.Failed(video, "no clip was found in this video");
        }
        var clipIds = new ArrayList<Long>();
        var variantIds = new ArrayList<List<Long>>();
        var jobIds = new ArrayList<Long>();
        for (var clip : best) {
            var requested = variants.request(workspaceId, clip.id(), DEFAULT_PLATFORMS, List.of("random"), null,
                    Actor.CLI);
            progress.rendering(clipIds.size() + 1, best.size(), requested.jobId());
            var claimed = jobs.claimNow(workspaceId, requested.jobId(), runner.name(), CLAIM_PER_CLIP);
            // a running server's worker may take the job first: then its outcome is this command's
            String outcome = claimed.isPresent() ? runner.run(claimed.get())
                    : otherWorkersOutcome(workspaceId, requested.jobId());
            if (!"completed".equals(outcome)) {
                String error = jobs.find(workspaceId, requested.jobId()).map(j -> j.lastError()).orElse(outcome);
                String reason = "clip " + clip.id() + ": " + error;
                mark(video, EventType.VIDEO_ERROR, Map.of("reason", reason, "clip_id", clip.id()));
                return new Outcome.Failed(video, reason);
            }
            clipIds.add(clip.id());
            jobIds.add(requested.jobId());
            variantIds.add(requested.variants().stream().map(v -> v.id()).toList());
        }
        mark(video, EventType.VIDEO_PROCESSED, Map.of("clip_id", clipIds.getFirst(), "clip_ids", clipIds,
                "job_id", jobIds.getFirst(), "job_ids", jobIds));
        return new Outcome.Processed(video, clipIds, variantIds);
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
