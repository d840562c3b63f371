package io.socialsync.library;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socialsync.domain.Errors;
import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.ledger.Actor;
import io.socialsync.media.analysis.Analyser;
import io.socialsync.media.analysis.ClipRules;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.probe.MediaValidator;
import io.socialsync.media.probe.ValidationLimits;
import io.socialsync.media.probe.ValidationResult;
import io.socialsync.mediawork.MediaFiles;
import io.socialsync.mediawork.MediaTools;
import io.socialsync.storage.StorageKey;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ANALYSE_VIDEO: probe and validate (a bad file becomes REJECTED with its reason: a completed job, not a retry),
 * then one decode pass for the signals, scored clips, their thumbnails and a contact sheet.
 */
@Component
public class AnalyseVideoHandler implements JobHandler {
    public static final String KIND = "ANALYSE_VIDEO";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);
    private final Videos videos;
    private final VideoLifecycle lifecycle;
    private final ClipRecorder clips;
    private final MediaFiles files;
    private final MediaTools media;
    private final TransactionTemplate tx;

    public AnalyseVideoHandler(Videos videos, VideoLifecycle lifecycle, ClipRecorder clips, MediaFiles files,
                               MediaTools media, TransactionTemplate tx) {
        this.tx = tx;
        this.videos = videos;
        this.lifecycle = lifecycle;
        this.clips = clips;
        this.files = files;
        this.media = media;
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, Duration.ofHours(2), 1);
    }

    @Override
    public Object run(JobContext ctx) throws Exception {
        var payload = ctx.payload(JOB);
        long videoId = payload.videoId();
        Video video = videos.byId(ctx.workspaceId(), videoId)
                .orElseThrow(() -> new JobFailure("video " + videoId + " no longer exists"));
        long jobId = ctx.job().id();
        var cancel = CancelToken.create();
        try (var work = files.workDir("analyse-")) {
            var source = files.readable(StorageKey.of(video.storageKey()), work);
            ctx.progress(1, "probing");
            var validation = new MediaValidator(media.ffmpeg(), ValidationLimits.DEFAULTS).validate(source, cancel);
            if (validation instanceof ValidationResult.Rejected rejected) {
                lifecycle.rejected(video, rejected.rejection(), Actor.SYSTEM, jobId);
                return Map.of("state", "REJECTED", "code", rejected.rejection().code(),
                        "reason", Errors.forUsers(rejected.message()));
            }
            var info = ((ValidationResult.Accepted) validation).info();
            // one transaction with the lease-fenced progress: a cancel that came first (its onCancelled made the
            // video CANCELLED) stops this here, and one that comes later waits for the job row and sees ANALYSING
            tx.executeWithoutResult(status -> {
                ctx.progress(5, "analysing");
                lifecycle.probed(video, info, Actor.SYSTEM, jobId);
            });
            var result = new Analyser(media.ffmpeg(), work.path()).analyse(source, info, payload.rules(), fraction -> {
                if (!ctx.tryProgress(5 + (int) (fraction * 80), "analysing")) {
                    cancel.cancel();
                }
            }, cancel);
            ctx.progress(86, "thumbnails");
            // fenced like the probe's write: a cancel during the thumbnails must not end with the video READY
            var ids = clips.record(video, source, info, result, work, jobId, cancel,
                    () -> ctx.progress(95, "recording clips"));
            return Map.of("state", "READY", "clip_ids", ids,
                    "no_clips_reason", result.noClipsReason().orElse(""));
        }
    }

    /** Attempts spent (or a JobFailure): the video leaves ANALYSING for FAILED, with the reason, re-analysable. */
    @Override
    public void onGaveUp(Job job, String reason) {
        long videoId = JOB.payload(job).videoId();
        videos.byId(job.workspaceId(), videoId).ifPresent(video -> lifecycle.failed(video,
                "analysis failed after " + job.attempt() + " attempt(s): " + reason, Actor.SYSTEM, job.id()));
    }

    /** Cancelled by a person: the video leaves its working state for CANCELLED, re-analysable. */
    @Override
    public void onCancelled(Job job, Actor actor) {
        long videoId = JOB.payload(job).videoId();
        videos.byId(job.workspaceId(), videoId).ifPresent(video -> lifecycle.cancelled(video, actor, job.id()));
    }

    /**
     * The video to analyse and the clip rules a request overrides (POST /videos/{id}/analyse); an unset rule is
     * left out of the JSON and takes the seed's default (3–5 clips of 15–60 s).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(long videoId, Double minLengthS, Double maxLengthS, Integer minCount, Integer maxCount) {
        public static Payload of(long videoId) {
            return new Payload(videoId, null, null, null, null);
        }

        ClipRules rules() {
            var d = ClipRules.DEFAULT;
            return new ClipRules(minLengthS == null ? d.minLength() : Duration.ofMillis((long) (minLengthS * 1000)),
                    maxLengthS == null ? d.maxLength() : Duration.ofMillis((long) (maxLengthS * 1000)),
                    minCount == null ? d.minCount() : minCount, maxCount == null ? d.maxCount() : maxCount);
        }
    }
}
