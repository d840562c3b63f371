package io.socialsync.library;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Analysing a video again, with other clip lengths and counts: POST /videos/{id}/analyse and the web app's video
 * page ask here, so both refuse the same things (a rejected video, lengths under a second, counts outside 1–20,
 * a minimum above its maximum; the API's request record states the bounds for its contract too).
 */
@Component
public class Reanalysis {
    private final Videos videos;
    private final JobQueue jobs;
    private final Workers workers;

    public Reanalysis(Videos videos, JobQueue jobs, Workers workers) {
        this.videos = videos;
        this.jobs = jobs;
        this.workers = workers;
    }

    /** Lengths in seconds and clip counts; null keeps the default. */
    public record Lengths(Double minLengthS, Double maxLengthS, Integer minCount, Integer maxCount) {
        public static final Lengths DEFAULT = new Lengths(null, null, null, null);
    }

    /** The queued ANALYSE_VIDEO job's id. */
    public long request(long workspaceId, long videoId, Lengths l, Actor actor) {
        var video = videos.byId(workspaceId, videoId).orElseThrow(() -> new NotFound("video", videoId));
        if (video.state() == VideoState.REJECTED) {
            throw new Conflict("video " + videoId + " was rejected: " + video.rejectReason());
        }
        for (var length : new Double[] {l.minLengthS(), l.maxLengthS()}) {
            if (length != null && !(length >= 1)) {
                throw new Invalid("a clip length is at least 1 second, not " + length);
            }
        }
        for (var count : new Integer[] {l.minCount(), l.maxCount()}) {
            if (count != null && (count < 1 || count > 20)) {
                throw new Invalid("a clip count is between 1 and 20, not " + count);
            }
        }
        if (l.minLengthS() != null && l.maxLengthS() != null && l.minLengthS() > l.maxLengthS()) {
            throw new Invalid("min_length_s must not exceed max_length_s");
        }
        if (l.minCount() != null && l.maxCount() != null && l.minCount() > l.maxCount()) {
            throw new Invalid("min_count must not exceed max_count");
        }
        var payload = new AnalyseVideoHandler.Payload(videoId, l.minLengthS(), l.maxLengthS(), l.minCount(),
                l.maxCount());
        long job = jobs.enqueue(AnalyseVideoHandler.JOB.request(workspaceId, payload)
                .withIdempotencyKey("analyse-video-" + videoId + "-" + UUID.randomUUID()), actor).job().id();
        workers.wakeUp();
        return job;
    }
}
