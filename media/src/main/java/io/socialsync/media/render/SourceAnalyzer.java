package io.socialsync.media.render;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.ProgressListener;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.VideoStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One cheap decode of the clip at a few frames per second: {@code cropdetect} finds letterbox bars, and tiny gray
 * frames go to a raw file for {@link SaliencyEstimator}. Pixels never pass through the JVM at full size.
 */
public final class SourceAnalyzer {
    static final int FRAME_W = 128;
    static final int FRAME_H = 72;
    /** Caps the samples of long clips; short ones get up to 4 per second. */
    static final double MAX_SAMPLES = 300;

    private SourceAnalyzer() {}

    public record Result(Optional<CropRect> letterbox, Optional<SaliencyTrack> saliency) {
        public static final Result NONE = new Result(Optional.empty(), Optional.empty());
    }

    public static Result analyse(Ffmpeg ffmpeg, MediaInfo source, Duration start, Duration duration, Path workDir,
                                 RunOptions run) {
        VideoStream video = source.requireVideo();
        double secs = duration.toNanos() / 1e9;
        double fps = Fmt.round(Math.clamp(MAX_SAMPLES / Math.max(secs, 0.001), 0.5, 4), 3);
        Path cropLog = workDir.resolve("cropdetect.txt");
        Path gray = workDir.resolve("gray.raw");
        String graph = "[0:" + video.index() + "]fps=" + Fmt.num(fps) + ",split=2[c][g];"
                + "[c]cropdetect=limit=0.094:round=2:reset=0:skip=0,metadata=mode=print:file="
                + FilterEscape.value(cropLog.toAbsolutePath().toString()) + ",nullsink;"
                + "[g]scale=" + FRAME_W + ":" + FRAME_H + ":flags=area,format=gray[gray]";
        ffmpeg.run(List.of("-y", "-ss", Fmt.seconds(start), "-t", Fmt.seconds(duration), "-i",
                Ffmpeg.fileArg(source.file()), "-filter_complex", graph, "-map", "[gray]", "-f", "rawvideo",
                Ffmpeg.fileArg(gray)), run.withProgress(ProgressListener.NONE).withExpectedDuration(duration));
        Optional<CropRect> bars = Letterbox.parse(read(cropLog), video.width(), video.height());
        byte[] frames = Files.exists(gray) ? bytes(gray) : new byte[0];
        int n = frames.length / (FRAME_W * FRAME_H);
        if (n == 0) return new Result(bars, Optional.empty());
        double[] times = new double[n];
        for (int i = 0; i < n; i++) times[i] = start.toNanos() / 1e9 + i / fps;
        CropRect region = bars.map(b -> Letterbox.scaled(b, video.width(), video.height(), FRAME_W, FRAME_H))
                .orElse(new CropRect(0, 0, FRAME_W, FRAME_H));
        return new Result(bars, Optional.of(SaliencyEstimator.track(frames, FRAME_W, FRAME_H, times, region)));
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
