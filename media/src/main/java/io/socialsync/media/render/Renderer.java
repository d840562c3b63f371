package io.socialsync.media.render;

import io.socialsync.media.TempDir;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.FfmpegInfo;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.MediaProber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a {@link RenderRequest}: probe, cheap analysis pass, one FFmpeg process for all outputs, ffprobe
 * verification, then the files move into the output directory. Everything is written to a temp directory inside
 * it first, so a failed or cancelled render leaves no partial files behind (and the final move is a rename).
 */
public final class Renderer {
    /** Longer graphs go to a script file: command lines have limits and show up in process listings. */
    static final int INLINE_GRAPH_LIMIT = 16_000;
    private static final Logger log = LoggerFactory.getLogger(Renderer.class);

    private final Ffmpeg ffmpeg;
    private final MediaProber prober;

    public Renderer(Ffmpeg ffmpeg) {
        this.ffmpeg = ffmpeg;
        this.prober = new MediaProber(ffmpeg);
    }

    /**
     * @param run timeout (per FFmpeg run), progress (of the encode pass) and cancel token
     * @throws RenderException.LimitExceeded before any encoding when a platform limit is broken
     * @throws RenderException.BadOutput when an output fails verification
     */
    public List<RenderedVariant> render(RenderRequest request, RenderOptions options, RunOptions run) {
        MediaInfo source = prober.probe(request.source(), run.cancel());
        RenderPlan precheck = RenderPlan.builder(source).request(request).options(options).build(); // limits first
        mkdirs(request.outputDir());
        try (TempDir tmp = TempDir.create(request.outputDir(), ".render-")) {
            SourceAnalyzer.Result analysis = options.analyse()
                    ? SourceAnalyzer.analyse(ffmpeg, source, precheck.clipStart(), precheck.clipDuration(), tmp.path(),
                    run)
                    : SourceAnalyzer.Result.NONE;
            RenderPlan plan = RenderPlan.builder(source).request(request).options(options).toneMap(canToneMap(source))
                    .letterbox(analysis.letterbox()).saliency(analysis.saliency()).outputDir(tmp.path()).build();
            ffmpeg.run(args(plan, tmp), run.withExpectedDuration(plan.expectedDuration()));
            List<RenderedVariant> done = new ArrayList<>();
            for (PlannedOutput o : plan.outputs()) done.add(verify(o, run));
            List<RenderedVariant> moved = new ArrayList<>();
            for (RenderedVariant v : done) moved.add(moveTo(v, request.outputDir()));
            return moved;
        }
    }

    /** Asked only for HDR sources: inspecting FFmpeg costs three quick runs. */
    private boolean canToneMap(MediaInfo source) {
        if (!source.requireVideo().hdr().isHdr()) return false;
        FfmpegInfo info = ffmpeg.inspect();
        boolean can = info.has("zscale") && info.has("tonemap");
        if (!can) {
            log.warn("{} is HDR ({}) but this FFmpeg lacks zscale/tonemap: colours will look washed out; set "
                    + "SOCIALSYNC_FFMPEG to a full build", source.file(), source.requireVideo().hdr());
        }
        return can;
    }

    private List<String> args(RenderPlan plan, TempDir tmp) {
        if (plan.graph().length() <= INLINE_GRAPH_LIMIT) return plan.args();
        Path script = tmp.resolve("graph.txt");
        try {
            Files.writeString(script, plan.graph());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return plan.argsWithScript(script);
    }

    private RenderedVariant verify(PlannedOutput o, RunOptions run) {
        long size = size(o.file());
        OutputProbe probe = OutputProbe.of(ffmpeg, o.file(), run.cancel());
        List<String> problems = OutputVerifier.problems(probe, o, size);
        if (!problems.isEmpty()) throw new RenderException.BadOutput(o.file().getFileName().toString(), problems);
        return new RenderedVariant(o.formatNames(), o.preset(), o.preset().seed(), o.file(), probe.width(),
                probe.height(), Duration.ofNanos(Math.round(probe.formatSeconds() * 1e9)), size, o.warnings());
    }

    private static RenderedVariant moveTo(RenderedVariant v, Path dir) {
        Path target = dir.resolve(v.path().getFileName());
        try {
            Files.move(v.path(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + v.path() + " to " + target, e);
        }
        return new RenderedVariant(v.formats(), v.preset(), v.seed(), target, v.width(), v.height(), v.duration(),
                v.sizeBytes(), v.warnings());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
