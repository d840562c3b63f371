package io.socialsync.media.analysis;

import io.socialsync.media.TempDir;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.FfmpegException;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.MediaInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * The {@code ANALYSE_VIDEO} engine: one FFmpeg decode pass → {@link Signals} → scored {@link ClipCandidate}s.
 * Thread-safe and stateless; share one instance.
 *
 * <pre>{@code
 * AnalysisResult r = new Analyser(ffmpeg, scratchDir)
 *         .analyse(video, prober.probe(video), ClipRules.DEFAULT, p -> job.progress(p), cancelToken);
 * }</pre>
 */
public final class Analyser {
    /** The FFmpeg filters analysis needs (all present in the bundled 6.1.1 and in 5.1+ builds). */
    public static final List<String> REQUIRED_FILTERS = AnalysisGraph.FILTERS;
    /** Share of the progress bar the decode pass takes; parsing and scoring the rest. */
    private static final double DECODE_SHARE = 0.9;

    private final Ffmpeg ffmpeg;
    private final Path scratchRoot;
    private final CutSettings cutSettings;
    private final Decode decode;

    /** Temp files go under {@code java.io.tmpdir}. */
    public Analyser(Ffmpeg ffmpeg) {
        this(ffmpeg, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** @param scratchRoot where a per-run temp directory is made (and always deleted) */
    public Analyser(Ffmpeg ffmpeg, Path scratchRoot) {
        this(ffmpeg, scratchRoot, CutSettings.DEFAULT);
    }

    Analyser(Ffmpeg ffmpeg, Path scratchRoot, CutSettings cutSettings) {
        this(ffmpeg, scratchRoot, cutSettings, Decode.FAST);
    }

    Analyser(Ffmpeg ffmpeg, Path scratchRoot, CutSettings cutSettings, Decode decode) {
        this.ffmpeg = ffmpeg;
        this.scratchRoot = scratchRoot;
        this.cutSettings = cutSettings;
        this.decode = decode;
    }

    /**
     * @param info the probe of {@code video}; it must have a video stream (audio is optional)
     * @param progress receives 0–1, never decreasing, ending with 1 on success; called from FFmpeg's reader thread
     * @param cancel stops the run; temp files are deleted before the {@link FfmpegException.Cancelled} is thrown
     * @throws FfmpegException if FFmpeg fails, times out or is cancelled
     */
    public AnalysisResult analyse(Path video, MediaInfo info, ClipRules rules, DoubleConsumer progress,
                                  CancelToken cancel) {
        Monotonic bar = new Monotonic(progress);
        Signals signals = signals(video, info, bar, cancel == null ? new CancelToken() : cancel);
        ClipSelector.Selection selection = ClipSelector.select(signals, rules);
        bar.accept(1);
        return new AnalysisResult(signals, selection.clips(), selection.noClipsReason());
    }

    /**
     * Scores one window chosen by a person (an edited clip) with the rules the analysis uses, so its score ranks
     * among the analysis's clips. The whole video is decoded: every per-second score is relative to the rest of
     * the video (loudness against its median), so a window decoded alone would be scored against itself.
     *
     * @return the signals and the one clip: {@code start}–{@code end} as given, not snapped to a cut
     * @throws IllegalArgumentException if the window is empty or outside the video
     */
    public AnalysisResult scoreWindow(Path video, MediaInfo info, double start, double end, DoubleConsumer progress,
                                      CancelToken cancel) {
        double duration = info.duration().toMillis() / 1000.0;
        if (!(start >= 0 && end > start && end <= duration + 0.001)) {
            throw new IllegalArgumentException("window %.3f–%.3f s is not inside the %.3f s video"
                    .formatted(start, end, duration));
        }
        Monotonic bar = new Monotonic(progress);
        Signals signals = signals(video, info, bar, cancel);
        ClipCandidate clip = score(signals, start, end);
        bar.accept(1);
        return new AnalysisResult(signals, List.of(clip), Optional.empty());
    }

    /** {@link #scoreWindow}'s scoring, for signals already at hand. */
    public static ClipCandidate score(Signals signals, double start, double end) {
        return ClipSelector.score(signals, Math.max(0, start), Math.min(end, signals.duration()));
    }

    /** Only the decode pass and its parsing (progress stops short of 1, which {@link #analyse} sends). */
    public Signals signals(Path video, MediaInfo info, DoubleConsumer progress, CancelToken cancel) {
        CancelToken token = cancel == null ? new CancelToken() : cancel;
        DoubleConsumer bar = progress instanceof Monotonic ? progress : new Monotonic(progress);
        try (TempDir tmp = TempDir.create(scratchRoot, "analysis-")) {
            AnalysisGraph graph = AnalysisGraph.in(tmp.path());
            bar.accept(0);
            ffmpeg.run(graph.args(video, info, decode), RunOptions.defaults()
                    .withTimeout(timeout(info.duration()))
                    .withExpectedDuration(info.duration())
                    .withCancel(token)
                    .withProgress(p -> p.percent().ifPresent(pct -> bar.accept(DECODE_SHARE * pct / 100))));
            if (token.isCancelled()) throw new FfmpegException.Cancelled("analysis", "cancel token", "");
            boolean skips = decode.skipsFrames(info.requireVideo().codec());
            return SignalsReader.read(graph, info, frameStep(info), skips, cutSettings, token,
                    f -> bar.accept(DECODE_SHARE + (1 - DECODE_SHARE) * 0.9 * f));
        }
    }

    /** Generous: decoding 4K on two shared cores can run slower than real time. */
    static Duration timeout(Duration media) {
        return Duration.ofMinutes(10).plus(media.multipliedBy(3));
    }

    private static double frameStep(MediaInfo info) {
        FrameRate rate = info.requireVideo().frameRate();
        return rate.isKnown() && rate.value() > 0 ? 1 / rate.value() : 1 / 25.0;
    }

    /** Progress callers draw bars: never let them go backwards (FFmpeg's out_time can jitter). */
    private static final class Monotonic implements DoubleConsumer {
        private final DoubleConsumer target;
        private double last = -1;

        Monotonic(DoubleConsumer target) {
            this.target = target == null ? p -> {} : target;
        }

        @Override
        public synchronized void accept(double value) {
            double v = Math.clamp(value, 0, 1);
            if (v <= last) return;
            last = v;
            target.accept(v);
        }
    }
}
