package io.socialsync.media.render;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.FilterEscape;
import io.socialsync.media.ffmpeg.ProgressListener;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.VideoStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cheap look at the clip: {@code cropdetect} finds letterbox bars, and tiny gray frames go to a raw file for
 * {@link SaliencyEstimator}. Pixels never pass through the JVM at full size.
 *
 * <p>Cheap because it decodes only the keyframes ({@code -skip_frame nokey}), a few percent of the decode the
 * render itself does. That is enough when keyframes come at least every couple of seconds, as from phones, cameras,
 * streaming encoders and our own renders: the crop planner decides per {@link CropPlanner#WINDOW_SECONDS} window
 * and needs a sample in each. Encoders also put keyframes at cuts, where the crop has to decide anew. When they are
 * further apart (x264's default is every 250 frames), a second pass takes a few frames per second, still without
 * the loop filter and the frames nothing refers to, which tiny gray thumbnails do not miss: about half a full
 * decode.
 */
public final class SourceAnalyzer {
    static final int FRAME_W = 128;
    static final int FRAME_H = 72;
    /** Caps the samples of long clips; short ones get up to 4 per second. */
    static final double MAX_SAMPLES = 300;
    /** Keyframes further apart than this (plus the sampling step) leave crop-planner windows without a sample. */
    static final double MAX_KEYFRAME_GAP = 2.5;
    private static final Pattern PTS_TIME = Pattern.compile("pts_time:(\\S+)");

    private SourceAnalyzer() {}

    public record Result(Optional<CropRect> letterbox, Optional<SaliencyTrack> saliency) {
        public static final Result NONE = new Result(Optional.empty(), Optional.empty());
    }

    /** What one decode produced: cropdetect's log, {@code times.length} gray frames, their clip-relative times. */
    record Pass(String cropLog, byte[] frames, double[] times) {
        /** Every part of the clip is within reach of a sample: no gap longer than {@code maxGap}, ends included. */
        boolean covers(double clipSeconds, double maxGap) {
            if (times.length == 0) return false;
            double gap = Math.max(times[0], clipSeconds - times[times.length - 1]);
            for (int i = 1; i < times.length; i++) gap = Math.max(gap, times[i] - times[i - 1]);
            return gap <= maxGap;
        }
    }

    public static Result analyse(Ffmpeg ffmpeg, MediaInfo source, Duration start, Duration duration, Path workDir,
                                 RunOptions run) {
        VideoStream video = source.requireVideo();
        double secs = duration.toNanos() / 1e9;
        double rate = Fmt.round(Math.clamp(MAX_SAMPLES / Math.max(secs, 0.001), 0.5, 4), 3);
        // keyframes only, thinned to the sample rate for intra-only codecs where every frame is one
        Pass pass = decode(ffmpeg, source, start, duration, workDir, run, "keyframes", List.of("-skip_frame", "nokey"),
                "select='isnan(prev_selected_t)+gte(t-prev_selected_t," + Fmt.num(0.9 / rate) + ")'");
        if (!pass.covers(secs, MAX_KEYFRAME_GAP + 1 / rate)) {
            pass = decode(ffmpeg, source, start, duration, workDir, run, "sampled",
                    List.of("-skip_frame", "noref", "-skip_loop_filter", "all"), "fps=" + Fmt.num(rate));
        }
        Optional<CropRect> bars = Letterbox.parse(pass.cropLog(), video.width(), video.height());
        int n = pass.times().length;
        if (n == 0) return new Result(bars, Optional.empty());
        double[] times = new double[n];
        for (int i = 0; i < n; i++) times[i] = start.toNanos() / 1e9 + pass.times()[i];
        CropRect region = bars.map(b -> Letterbox.scaled(b, video.width(), video.height(), FRAME_W, FRAME_H))
                .orElse(new CropRect(0, 0, FRAME_W, FRAME_H));
        return new Result(bars, Optional.of(SaliencyEstimator.track(pass.frames(), FRAME_W, FRAME_H, times, region)));
    }

    /**
     * @param decoderOptions go before {@code -i}
     * @param sampler the filter that picks the frames to look at
     */
    private static Pass decode(Ffmpeg ffmpeg, MediaInfo source, Duration start, Duration duration, Path workDir,
                               RunOptions run, String name, List<String> decoderOptions, String sampler) {
        Path cropLog = workDir.resolve(name + "-cropdetect.txt");
        Path gray = workDir.resolve(name + "-gray.raw");
        String graph = "[0:" + source.requireVideo().index() + "]" + sampler + ",split=2[c][g];"
                + "[c]cropdetect=limit=0.094:round=2:reset=0:skip=0,metadata=mode=print:file="
                + FilterEscape.path(cropLog) + ",nullsink;"
                + "[g]scale=" + FRAME_W + ":" + FRAME_H + ":flags=area,format=gray[gray]";
        List<String> args = new ArrayList<>(List.of("-y", "-ss", Fmt.seconds(start), "-t", Fmt.seconds(duration)));
        args.addAll(decoderOptions);
        // passthrough: a constant-rate output would repeat frames to fill the gaps between samples
        args.addAll(List.of("-i", Ffmpeg.fileArg(source.file()), "-filter_complex", graph, "-map", "[gray]",
                "-fps_mode", "passthrough", "-f", "rawvideo", Ffmpeg.fileArg(gray)));
        ffmpeg.run(args, run.withProgress(ProgressListener.NONE).withExpectedDuration(duration));
        String log = read(cropLog);
        byte[] frames = Files.exists(gray) ? bytes(gray) : new byte[0];
        double[] times = times(log);
        // the two branches see the same frames; should a count ever differ, pair up only what both have
        int n = Math.min(times.length, frames.length / (FRAME_W * FRAME_H));
        // -t on the input does not stop a keyframe-only decode exactly at the end: one past it may slip through
        double secs = duration.toNanos() / 1e9;
        while (n > 0 && times[n - 1] >= secs) n--;
        return new Pass(log, frames, Arrays.copyOf(times, n));
    }

    /** Frame times from the {@code metadata=mode=print} log, which starts each frame with a pts_time line. */
    static double[] times(String log) {
        List<Double> out = new ArrayList<>();
        Matcher m = PTS_TIME.matcher(log);
        while (m.find()) {
            try {
                out.add(Double.parseDouble(m.group(1)));
            } catch (NumberFormatException e) {
                return new double[0]; // "NOPTS": no times to pair the frames with, so no saliency
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
