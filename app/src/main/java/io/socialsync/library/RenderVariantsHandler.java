package io.socialsync.library;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.ledger.Actor;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.render.PlatformFormats;
import io.socialsync.media.render.Preset;
import io.socialsync.media.render.RenderException;
import io.socialsync.media.render.RenderOptions;
import io.socialsync.media.render.RenderRequest;
import io.socialsync.media.render.Renderer;
import io.socialsync.mediawork.JobProgress;
import io.socialsync.mediawork.MediaFiles;
import io.socialsync.mediawork.MediaTools;
import io.socialsync.storage.StorageKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * RENDER_VARIANTS: every pending variant of one clip from one FFmpeg process (one decode, one encoder per distinct
 * output; identical specs share a file). Outputs go to storage, then the rows become READY.
 */
@Component
public class RenderVariantsHandler implements JobHandler {
    public static final String KIND = "RENDER_VARIANTS";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Clips clips;
    private final Videos videos;
    private final Variants variants;
    private final VariantLifecycle lifecycle;
    private final MediaFiles files;
    private final MediaTools media;

    public RenderVariantsHandler(Clips clips, Videos videos, Variants variants, VariantLifecycle lifecycle,
                                 MediaFiles files, MediaTools media) {
        this.clips = clips;
        this.videos = videos;
        this.variants = variants;
        this.lifecycle = lifecycle;
        this.files = files;
        this.media = media;
    }

    /**
     * Renders one node runs at once unless the operator says otherwise: one per two cores, and at least two. One
     * render alone leaves cores idle (its probe, analysis pass, verification and storage copy run on one thread,
     * and so does FFmpeg 6's filter graph): on 2 cores a second one took bench/pipeline from 0.76x to 0.66x of the
     * source's duration. More than one per two cores only makes their x264 threads queue.
     */
    static final int CONCURRENCY = Math.max(2, Runtime.getRuntime().availableProcessors() / 2);

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 3, Duration.ofHours(1), CONCURRENCY);
    }

    @Override
    public Object run(JobContext ctx) throws Exception {
        long ws = ctx.workspaceId();
        var payload = ctx.payload(JOB);
        long clipId = payload.clipId();
        var ids = payload.variantIds();
        Clip clip = clips.byId(ws, clipId).orElseThrow(() -> new JobFailure("clip " + clipId + " no longer exists"));
        Video video = videos.byId(ws, clip.videoId()).orElseThrow(() -> new JobFailure("the clip's video is gone"));
        List<Variant> pending = variants.byIds(ws, ids).stream().filter(v -> v.state() == Variant.State.PENDING)
                .toList();
        if (pending.isEmpty()) {
            return Map.of("rendered", 0);
        }
        var presets = new LinkedHashMap<String, Preset>();
        for (Variant v : pending) {
            presets.putIfAbsent(v.preset() + "#" + v.seed(), JSON.readValue(v.presetParams(), Preset.class));
        }
        var formats = PlatformFormats.defaults().get(pending.stream().map(Variant::format).distinct().toList());
        try (var work = files.workDir("render-")) {
            var source = files.readable(StorageKey.of(video.storageKey()), work);
            var request = RenderRequest.of(source, formats, work.path())
                    .withClip(Duration.ofMillis(clip.startMs()), Duration.ofMillis(clip.durationMs()))
                    .withPresets(List.copyOf(presets.values()));
            var cancel = CancelToken.create();
            var run = RunOptions.defaults().withTimeout(spec().timeout()).withCancel(cancel)
                    .withExpectedDuration(Duration.ofMillis(clip.durationMs()))
                    .withProgress(JobProgress.of(ctx, cancel, 0, 90, "rendering"));
            List<io.socialsync.media.render.RenderedVariant> rendered;
            try {
                rendered = new Renderer(media.ffmpeg()).render(request, RenderOptions.defaults(), run);
            } catch (RenderException e) {
                lifecycle.failed(pending, e.getMessage(), ctx.job().id());
                throw new JobFailure(e.getMessage(), e);
            }
            ctx.progress(92, "storing outputs");
            // fenced: a cancel while the outputs were stored (its onCancelled failed the variants) must stand
            int done = lifecycle.store(video, clip, pending, rendered, ctx.job().id(),
                    () -> ctx.progress(96, "recording variants"));
            return Map.of("rendered", done, "files", rendered.size());
        }
    }

    /** However the job died (timeout, storage, lease spent), its variants leave PENDING for FAILED with the reason. */
    @Override
    public void onGaveUp(Job job, String reason) {
        var pending = variants.byIds(job.workspaceId(), JOB.payload(job).variantIds()).stream().filter(v -> v.state() == Variant.State.PENDING)
                .toList();
        if (!pending.isEmpty()) {
            lifecycle.failed(pending, reason, job.id());
        }
    }

    /**
     * Cancelled by a person: its variants leave PENDING for FAILED, the error naming the cancel, so nothing waits
     * on them (a post's render, the clip's edit lock) and the same variants can be requested again.
     */
    @Override
    public void onCancelled(Job job, Actor actor) {
        var pending = variants.byIds(job.workspaceId(), JOB.payload(job).variantIds()).stream()
                .filter(v -> v.state() == Variant.State.PENDING).toList();
        if (!pending.isEmpty()) {
            lifecycle.failed(pending, "render job " + job.id() + " was cancelled by " + actor.value()
                    + "; request the variants again", job.id());
        }
    }

    /**
     * The clip and the PENDING variants of it this job renders; {@code request} fingerprints the API request that
     * made them when it carried an Idempotency-Key (a replay must ask for the same), else null and not written.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Payload(long clipId, List<Long> variantIds, String request) {
        public Payload {
            variantIds = variantIds == null ? List.of() : List.copyOf(variantIds);
        }

        public Payload(long clipId, List<Long> variantIds) {
            this(clipId, variantIds, null);
        }
    }
}
