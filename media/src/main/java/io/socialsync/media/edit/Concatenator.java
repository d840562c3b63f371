package io.socialsync.media.edit;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.VideoStream;
import io.socialsync.media.render.EncoderArgs;
import io.socialsync.media.render.Fmt;
import io.socialsync.media.render.OutputFps;
import io.socialsync.media.render.PlatformFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code concatenate} with the concat <em>filter</em>: inputs of any size, frame rate and sample rate are first
 * normalised (fitted and padded, resampled), which the concat demuxer or stream copy cannot do.
 */
final class Concatenator {
    /** Graphs longer than this go to a script file (hundreds of inputs exceed command-line limits). */
    static final int INLINE_GRAPH_LIMIT = 16_000;

    private Concatenator() {}

    static Duration concat(Editor.Job job, EditOperation.Concatenate c) {
        List<MediaInfo> inputs = new ArrayList<>();
        for (Path p : c.inputs()) inputs.add(job.prober().probe(p, job.run().cancel()));
        ConcatTarget target = ConcatTarget.of(inputs, c.target());
        String graph = ConcatGraph.build(inputs, target);
        List<String> a = new ArrayList<>(List.of("-y"));
        for (Path p : c.inputs()) a.addAll(List.of("-i", Ffmpeg.fileArg(p)));
        if (graph.length() > INLINE_GRAPH_LIMIT) {
            a.addAll(List.of("-filter_complex_script", script(job, graph).toString()));
        } else {
            a.addAll(List.of("-filter_complex", graph));
        }
        a.addAll(List.of("-map", "[v]"));
        if (target.withAudio()) a.addAll(List.of("-map", "[a]"));
        a.addAll(EncoderArgs.video(job.encoder(), target.fps(), 0));
        if (target.withAudio()) a.addAll(EncoderArgs.audio(job.encoder(), target.sampleRate()));
        a.addAll(target.platform() ? EncoderArgs.platformContainer() : EncoderArgs.container());
        a.add(Ffmpeg.fileArg(job.out()));
        job.ffmpeg(a);
        return Duration.ZERO;
    }

    private static Path script(Editor.Job job, String graph) {
        Path p = job.tmp().resolve("concat-graph.txt");
        try {
            Files.writeString(p, graph);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * What every segment is normalised to.
     *
     * @param withAudio false only when no input has audio (edits do not invent a track for video-only material)
     * @param platform a platform format was asked for: its container has no edit list (see
     *     {@link EncoderArgs#platformContainer()}), so the audio leaves out the encoder's priming itself
     */
    record ConcatTarget(int width, int height, FrameRate fps, int sampleRate, boolean withAudio, boolean platform) {
        static ConcatTarget of(List<MediaInfo> inputs, PlatformFormat format) {
            VideoStream first = inputs.getFirst().requireVideo();
            boolean audio = inputs.stream().anyMatch(MediaInfo::hasAudio);
            if (format != null) {
                return new ConcatTarget(format.width(), format.height(),
                        OutputFps.choose(first, format.minFps(), format.maxFps()), Trimmer.AUDIO_RATE, audio, true);
            }
            int rate = inputs.getFirst().hasAudio() ? inputs.getFirst().audio().getFirst().sampleRate() : Trimmer.AUDIO_RATE;
            return new ConcatTarget(Fmt.even(first.width()), Fmt.even(first.height()),
                    OutputFps.choose(first, Trimmer.MAX_FPS), rate > 0 ? rate : Trimmer.AUDIO_RATE, audio, false);
        }
    }
}
