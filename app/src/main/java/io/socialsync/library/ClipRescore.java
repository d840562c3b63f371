package io.socialsync.library;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving a clip's start and end and scoring it again: PATCH /clips/{id} and the web app's clip page ask here, so
 * both refuse the same things. A clip with variants is refused, not changed under them: they were cut from the
 * old bounds, and posts may be planned with them (render the variants again after a re-analysis instead).
 */
@Component
public class ClipRescore {
    /** Shortest edited clip; the longest is what any platform takes (a YouTube Short, 180 s). */
    public static final double MIN_LENGTH_S = 1, MAX_LENGTH_S = 180;
    private final Clips clips;
    private final Videos videos;
    private final Variants variants;
    private final JobQueue jobs;
    private final Workers workers;
    private final TransactionTemplate tx;

    public ClipRescore(Clips clips, Videos videos, Variants variants, JobQueue jobs, Workers workers,
                       TransactionTemplate tx) {
        this.clips = clips;
        this.videos = videos;
        this.variants = variants;
        this.jobs = jobs;
        this.workers = workers;
        this.tx = tx;
    }

    /** The queued RESCORE_CLIP job's id. Seconds; either may be null (a form left empty) and is then refused. */
    public long request(long workspaceId, long clipId, Double startS, Double endS, Actor actor) {
        var clip = clips.byId(workspaceId, clipId).orElseThrow(() -> new NotFound("clip", clipId));
        var video = videos.byId(workspaceId, clip.videoId()).orElseThrow(() -> new NotFound("video", clip.videoId()));
        validate(startS, endS, video.durationMs() == null ? 0 : video.durationMs() / 1000.0);
        if (clip.rescoreJobId() != null && jobs.find(workspaceId, clip.rescoreJobId())
                .map(j -> !j.state().terminal()).orElse(false)) {
            throw new Conflict("clip " + clipId + " is being re-scored already (job " + clip.rescoreJobId() + ")");
        }
        long made = variants.ofClip(workspaceId, clipId).stream().filter(v -> v.state() != Variant.State.FAILED)
                .count();
        if (made > 0) {
            throw new Conflict("clip " + clipId + " has " + made + " variant(s) cut from its current start and end;"
                    + " its bounds cannot change under them");
        }
        var payload = new RescoreClipHandler.Payload(clipId, startS, endS);
        long job = tx.execute(status -> {
            long id = jobs.enqueue(RescoreClipHandler.JOB.request(workspaceId, payload)
                    .withIdempotencyKey("rescore-clip-" + clipId + "-" + UUID.randomUUID()), actor).job().id();
            clips.rescoring(workspaceId, clipId, id);
            return id;
        });
        workers.wakeUp();
        return job;
    }

    static void validate(Double startS, Double endS, double videoS) {
        var errors = new Invalid.Collector();
        if (startS == null || !Double.isFinite(startS)) errors.add("start_s", "is required, in seconds");
        else if (startS < 0) errors.add("start_s", "must be at least 0, not " + startS);
        if (endS == null || !Double.isFinite(endS)) errors.add("end_s", "is required, in seconds");
        else if (endS > videoS + 0.001) errors.add("end_s", "must be within the video's " + videoS + " s, not " + endS);
        errors.throwIfAny();
        double length = endS - startS;
        if (length < MIN_LENGTH_S) {
            errors.add("end_s", "must be at least " + (int) MIN_LENGTH_S + " s after start_s (" + startS + ")");
        } else if (length > MAX_LENGTH_S) {
            errors.add("end_s", "must be at most " + (int) MAX_LENGTH_S + " s after start_s (" + startS + ")");
        }
        errors.throwIfAny();
    }
}
