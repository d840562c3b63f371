package io.socialsync.media.edit;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.FrameRate;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.VideoStream;
import io.socialsync.media.render.EncoderArgs;
import io.socialsync.media.render.Fmt;
import io.socialsync.media.render.OutputFps;
import io.socialsync.media.render.SourceColour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trim}: input seeking in both modes ({@code -ss} before {@code -i}: fast, and exact when re-encoding). An
 * accurate trim keeps exactly {@link #frames} frames, from the first at or after the start, and audio of the same
 * length; a keyframe copy starts on the keyframe at or before the start and ends within a frame of the end.
 */
final class Trimmer {
    /** Trims keep the source rate up to this; only absurd rates are capped. */
    static final int MAX_FPS = 120;
    /** What EncoderArgs gives renders; the trim counts its samples at this rate. */
    static final int AUDIO_RATE = 48_000;

    private Trimmer() {}

    static Duration trim(Editor.Job job, EditOperation.Trim t) {
        MediaInfo in = job.prober().probe(t.input(), job.run().cancel());
        VideoStream v = in.requireVideo();
        Duration end = in.duration().isZero() || t.end().compareTo(in.duration()) < 0 ? t.end() : in.duration();
        if (end.compareTo(t.start()) <= 0) {
            throw new IllegalArgumentException("trim start " + Fmt.seconds(t.start()) + " s is past the end ("
                    + Fmt.seconds(in.duration()) + " s)");
        }
        Duration start = t.mode() == TrimMode.ACCURATE ? t.start()
                : Keyframes.atOrBefore(job.ffmpeg(), t.input(), v.index(), t.start(), job.run().cancel());
        FrameRate fps = OutputFps.choose(v, MAX_FPS);
        long frames = frames(end.minus(start), fps);
        // accurate: one frame more is read than kept, the trim filters below cut exactly
        Duration read = t.mode() == TrimMode.ACCURATE ? end.minus(start).plus(frameTime(fps)) : end.minus(start);
        List<String> a = new ArrayList<>(List.of("-y", "-ss", Fmt.seconds(start), "-t", Fmt.seconds(read),
                "-i", Ffmpeg.fileArg(t.input()), "-map", "0:" + v.index(), "-map", "0:a:0?"));
        if (t.mode() == TrimMode.ACCURATE) {
            long samples = Math.round(frames * AUDIO_RATE * (double) fps.denominator() / fps.numerator());
            // the first frame at or after start is frame 0 whatever its offset from start; exactly `frames` follow
            a.addAll(List.of("-vf", evenSize(v) + ",setpts=PTS-STARTPTS,fps=" + Fmt.rate(fps) + ",trim=end_frame="
                    + frames + ",format=yuv420p"));
            // and as many samples as those frames last, padded with silence if the source's audio ends early
            a.addAll(List.of("-af", "aresample=" + AUDIO_RATE + ",apad," + EncoderArgs.primingTrim(samples)));
            a.addAll(EncoderArgs.video(job.encoder(), fps, 0));
            a.addAll(EncoderArgs.audio(job.encoder(), AUDIO_RATE));
            a.addAll(EncoderArgs.platformContainer());
        } else {
            // make_zero: copied packets keep their timestamps, which would otherwise start at the keyframe's
            a.addAll(List.of("-c", "copy", "-avoid_negative_ts", "make_zero", "-movflags", "+faststart", "-f", "mp4"));
        }
        a.add(Ffmpeg.fileArg(job.out()));
        job.ffmpeg(a);
        return start;
    }

    /** The frames an accurate trim of {@code length} keeps: its length in frames, rounded, at least one. */
    static long frames(Duration length, FrameRate fps) {
        return Math.max(1, Math.round(length.toNanos() / 1e9 * fps.value()));
    }

    private static Duration frameTime(FrameRate fps) {
        return Duration.ofNanos(Math.round(1e9 * fps.denominator() / fps.numerator()));
    }

    /**
     * Odd-sized sources (853x480) cannot be H.264 4:2:0: drop the last row or column. Anamorphic SD is stretched to
     * square pixels in the same pass (its output says setsar=1). Colours are converted to BT.709 only when the source
     * is something else ({@link SourceColour}): a conversion is a pass over every frame.
     */
    static String evenSize(VideoStream v) {
        String width = v.displayedPixelAspect().square() ? "trunc(iw/2)*2" : "trunc(iw*sar/2)*2";
        return "scale=" + width + ":trunc(ih/2)*2" + SourceColour.scaleOptions(v) + ",setsar=1";
    }

    static String rate(VideoStream v) {
        return Fmt.rate(OutputFps.choose(v, MAX_FPS));
    }
}
