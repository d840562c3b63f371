package io.socialsync.media.render;

import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.VideoStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Collects a request plus the analysis results and groups formats with identical output specs. */
public final class RenderPlanBuilder {
    /** HDR to SDR: linearise, convert primaries, Hable curve, back to BT.709 video range (reference §4 #5). */
    static final String TONE_MAP = "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,"
            + "zscale=t=bt709:m=bt709:r=tv,format=yuv420p";
    private final MediaInfo source;
    private RenderRequest request;
    private RenderOptions options = RenderOptions.defaults();
    private Optional<CropRect> letterbox = Optional.empty();
    private Optional<SaliencyTrack> saliency = Optional.empty();
    private Path outputDir;
    private boolean toneMap;

    RenderPlanBuilder(MediaInfo source) {
        this.source = source;
    }

    public RenderPlanBuilder request(RenderRequest r) {
        this.request = r;
        return this;
    }

    public RenderPlanBuilder options(RenderOptions o) {
        this.options = o;
        return this;
    }

    public RenderPlanBuilder letterbox(Optional<CropRect> rect) {
        this.letterbox = rect;
        return this;
    }

    public RenderPlanBuilder saliency(Optional<SaliencyTrack> track) {
        this.saliency = track;
        return this;
    }

    /**
     * Tone-map an HDR (PQ/HLG) source to SDR BT.709; needs the {@code zscale} and {@code tonemap} filters, which the
     * bundled FFmpeg 6.1 lacks, so the renderer only turns this on when they exist.
     */
    public RenderPlanBuilder toneMap(boolean on) {
        this.toneMap = on;
        return this;
    }

    /** Where the outputs are written; defaults to the request's output directory (the renderer uses a temp one). */
    public RenderPlanBuilder outputDir(Path dir) {
        this.outputDir = dir;
        return this;
    }

    /** @throws RenderException.LimitExceeded when an output would be longer than a requested platform allows */
    public RenderPlan build() {
        Objects.requireNonNull(request, "request");
        VideoStream video = source.requireVideo();
        Duration start = request.start();
        Duration available = source.duration().minus(start);
        if (!source.duration().isZero() && (available.isNegative() || available.isZero())) {
            throw new IllegalArgumentException("clip start " + Fmt.seconds(start) + " s is past the end of the source ("
                    + Fmt.seconds(source.duration()) + " s)");
        }
        if (source.duration().isZero() && request.duration() == null) {
            throw new IllegalArgumentException(source.file() + " does not say how long it is; give a clip duration");
        }
        Duration clip = request.duration() == null ? available
                : source.duration().isZero() ? request.duration() : min(request.duration(), available);
        // every plan below is in square pixels: an anamorphic SD source is stretched first (see graph)
        int srcW = squared(video, letterbox.map(CropRect::width).orElse(video.width()));
        int srcH = letterbox.map(CropRect::height).orElse(video.height());
        Path dir = outputDir != null ? outputDir : request.outputDir();
        List<PlannedOutput> outputs = new ArrayList<>();
        Map<List<Integer>, Reframe> reframes = new HashMap<>();
        for (int v = 0; v < request.presets().size(); v++) {
            Preset preset = request.presets().get(v);
            Duration out = Duration.ofNanos(Math.round(clip.toNanos() / preset.speed()));
            Map<Spec, List<PlatformFormat>> groups = new LinkedHashMap<>();
            for (PlatformFormat f : request.formats()) {
                PlatformLimits.checkDuration(f, out, preset);
                int w = Fmt.even(f.width() * options.sizeScale()), h = Fmt.even(f.height() * options.sizeScale());
                Reframe reframe = reframe(reframes, srcW, srcH, w, h);
                Upscale.Sized sized = Upscale.size(reframe, preset.zoom(), srcW, srcH, w, h,
                        Fmt.even(f.minShortSide() * options.sizeScale()), f.maxUpscale());
                Spec spec = new Spec(sized.width(), sized.height(), OutputFps.choose(video, f.minFps(), f.maxFps()),
                        sized.warning(srcW, srcH).stream().toList());
                groups.computeIfAbsent(spec, k -> new ArrayList<>()).add(f);
            }
            for (var g : groups.entrySet()) {
                Spec s = g.getKey();
                Reframe reframe = reframe(reframes, srcW, srcH, s.width(), s.height());
                Path file = dir.resolve(fileName(request.baseName() + "-v" + v + "-" + s.width() + "x" + s.height(),
                        outputs));
                outputs.add(new PlannedOutput(v, g.getValue(), preset, s.width(), s.height(), s.fps(), reframe, out,
                        file, s.warnings()));
            }
        }
        String graph = graph(video, srcW, srcH, outputs, start.toNanos() / 1e9);
        return new RenderPlan(source, start, clip, graph, outputs, options);
    }

    private String graph(VideoStream video, int srcW, int srcH, List<PlannedOutput> outputs, double clipStart) {
        StringBuilder g = new StringBuilder("[0:" + video.index() + "]");
        letterbox.ifPresent(r -> g.append(r.filter()).append(','));
        if (!video.displayedPixelAspect().square()) g.append("scale=").append(srcW).append(':').append(srcH)
                .append(",setsar=1,");
        boolean toneMapped = toneMap && video.hdr().isHdr();
        if (toneMapped) g.append(TONE_MAP).append(',');
        SourceColour.conversion(video, toneMapped).ifPresent(f -> g.append(f).append(','));
        g.append("split=").append(outputs.size());
        for (int i = 0; i < outputs.size(); i++) g.append("[s").append(i).append(']');
        for (int i = 0; i < outputs.size(); i++) {
            g.append(';').append(VideoChain.build("[s" + i + "]", "[v" + i + "]", outputs.get(i), srcW, srcH,
                    clipStart));
        }
        g.append(';').append(AudioChain.build(source.hasAudio(), outputs, options.loudnessLufs()));
        return g.toString();
    }

    /** A width in stored pixels as a player shows it, even. */
    private static int squared(VideoStream video, int width) {
        var shape = video.displayedPixelAspect();
        return shape.square() ? width : Fmt.even(width * shape.value());
    }

    private Reframe reframe(Map<List<Integer>, Reframe> cache, int srcW, int srcH, int w, int h) {
        return cache.computeIfAbsent(List.of(w, h), k -> ReframeDecider.decide(srcW, srcH, w, h, request.cropPlan(),
                saliency, options));
    }

    /** Same size at two frame rates (custom formats) would collide: number the later ones. */
    private static String fileName(String stem, List<PlannedOutput> taken) {
        String name = stem + ".mp4";
        for (int i = 2; nameTaken(name, taken); i++) name = stem + "-" + i + ".mp4";
        return name;
    }

    private static boolean nameTaken(String name, List<PlannedOutput> taken) {
        return taken.stream().anyMatch(o -> o.file().getFileName().toString().equals(name));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What makes two formats' outputs identical (the preset is the same within one variant). */
    private record Spec(int width, int height, FrameRate fps, List<RenderWarning> warnings) {}
}
