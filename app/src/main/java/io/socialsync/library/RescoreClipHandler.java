package io.socialsync.library;

import io.socialsync.domain.Errors;
import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.media.analysis.Analyser;
import io.socialsync.media.analysis.Thumbnails;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.probe.MediaProber;
import io.socialsync.mediawork.MediaFiles;
import io.socialsync.mediawork.MediaTools;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * RESCORE_CLIP: a clip's edited start and end scored by the analysis's own rules ({@link Analyser#scoreWindow}),
 * a new thumbnail from inside them, then bounds, score, sub-scores, reason and thumbnail in one transaction with a
 * {@code clip_rescored} event. The decode covers the whole video (scores are relative to it), so it costs about
 * what an analysis does: its own kind, one at a time, so edits do not crowd out uploads' analyses.
 */
@Component
public class RescoreClipHandler implements JobHandler {
    public static final String KIND = "RESCORE_CLIP";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Clips clips;
    private final Videos videos;
    private final Variants variants;
    private final MediaFiles files;
    private final MediaTools media;
    private final Storage storage;
    private final Ledger ledger;
    private final TransactionTemplate tx;

    public RescoreClipHandler(Clips clips, Videos videos, Variants variants, MediaFiles files, MediaTools media,
                              Storage storage, Ledger ledger, TransactionTemplate tx) {
        this.clips = clips;
        this.videos = videos;
        this.variants = variants;
        this.files = files;
        this.media = media;
        this.storage = storage;
        this.ledger = ledger;
        this.tx = tx;
    }

    /** The clip and its new bounds in seconds. */
    public record Payload(long clipId, double startS, double endS) {
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, Duration.ofHours(1), 1);
    }

    @Override
    public Object run(JobContext ctx) throws Exception {
        var p = ctx.payload(JOB);
        long ws = ctx.workspaceId(), jobId = ctx.job().id();
        var clip = clips.byId(ws, p.clipId()).orElseThrow(() -> new JobFailure("clip " + p.clipId() + " no longer exists"));
        var video = videos.byId(ws, clip.videoId())
                .orElseThrow(() -> new JobFailure("video " + clip.videoId() + " no longer exists"));
        var cancel = CancelToken.create();
        try (var work = files.workDir("rescore-")) {
            var source = files.readable(StorageKey.of(video.storageKey()), work);
            ctx.progress(1, "probing");
            var info = new MediaProber(media.ffmpeg()).probe(source);
            ctx.progress(5, "scoring");
            var result = new Analyser(media.ffmpeg(), work.path()).scoreWindow(source, info, p.startS(), p.endS(),
                    f -> {
                        if (!ctx.tryProgress(5 + (int) (f * 85), "scoring")) cancel.cancel();
                    }, cancel);
            var scored = result.clips().getFirst();
            ctx.progress(92, "thumbnail");
            var jpeg = work.resolve("thumb.jpg");
            new Thumbnails(media.ffmpeg()).clipThumbnail(source, info, scored, result.signals(), jpeg, cancel);
            var key = StorageKey.of(ws + "/videos/" + video.id() + "/job" + jobId + "-clip" + clip.id() + ".jpg");
            storage.putFile(key, jpeg);
            int score = (int) Math.round(scored.score());
            return tx.execute(status -> {
                // a render asked for after this job was queued was cut from the old bounds: keep them
                if (variants.ofClip(ws, clip.id()).stream().anyMatch(v -> v.state() != Variant.State.FAILED)) {
                    throw new JobFailure("clip " + clip.id() + " got variants while it was re-scored; bounds kept");
                }
                clips.rescored(ws, clip.id(), Math.round(p.startS() * 1000), Math.round(p.endS() * 1000), score,
                        JSON.writeValueAsString(scored.subScores()), scored.reason(), key.value());
                var event = new LinkedHashMap<String, Object>();
                event.put("video_id", video.id());
                event.put("from_start_s", clip.startMs() / 1000.0);
                event.put("from_end_s", clip.endMs() / 1000.0);
                event.put("start_s", p.startS());
                event.put("end_s", p.endS());
                event.put("from_score", clip.score());
                event.put("score", score);
                event.put("reason", scored.reason());
                ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM, EventType.CLIP_RESCORED, "clip",
                        Long.toString(clip.id()), jobId, event));
                return Map.of("clip_id", clip.id(), "start_s", p.startS(), "end_s", p.endS(), "score", score);
            });
        }
    }

    /** The clip keeps its old bounds and score, says why, and can be edited again. */
    @Override
    public void onGaveUp(Job job, String reason) {
        clips.rescoreEnded(job.workspaceId(), JOB.payload(job).clipId(), job.id(), Errors.forUsers(
                "re-score job " + job.id() + " failed after " + job.attempt() + " attempt(s): " + reason, 2000));
    }

    @Override
    public void onCancelled(Job job, Actor actor) {
        clips.rescoreEnded(job.workspaceId(), JOB.payload(job).clipId(), job.id(),
                "re-score job " + job.id() + " was cancelled by " + actor.value());
    }
}
