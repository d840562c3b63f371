package io.socialsync.media.edit;

import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.VideoStream;
import io.socialsync.media.render.EncoderArgs;
import io.socialsync.media.render.Fmt;
import io.socialsync.media.render.OutputFps;
import io.socialsync.media.render.SourceColour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code trim}: input seeking in both modes ({@code -ss} before {@code -i}: fast, and exact when re-encoding). */
final class Trimmer {
    /** Trims keep the source rate up to this; only absurd rates are capped. */
    static final int MAX_FPS = 120;

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
        List<String> a = new ArrayList<>(List.of("-y", "-ss", Fmt.seconds(start), "-t", Fmt.seconds(end.minus(start)),
                "-i", Ffmpeg.fileArg(t.input()), "-map", "0:" + v.index(), "-map", "0:a:0?"));
        if (t.mode() == TrimMode.ACCURATE) {
            a.addAll(List.of("-vf", evenSize(v) + ",fps=" + rate(v) + ",format=yuv420p"));
            a.addAll(EncoderArgs.video(job.encoder(), OutputFps.choose(v, MAX_FPS), 0));
            a.addAll(EncoderArgs.audio(job.encoder()));
            a.addAll(EncoderArgs.container());
        } else {
            // make_zero: copied packets keep their timestamps, which would otherwise start at the keyframe's
            a.addAll(List.of("-c", "copy", "-avoid_negative_ts", "make_zero", "-movflags", "+faststart", "-f", "mp4"));
        }
        a.add(Ffmpeg.fileArg(job.out()));
        job.ffmpeg(a);
        return start;
    }

    /**
     * Odd-sized sources (853x480) cannot be H.264 4:2:0: drop the last row or column. Colours are converted to
     * BT.709 only when the source is something else ({@link SourceColour}): a conversion is a pass over every frame.
     */
    static String evenSize(VideoStream v) {
        return "scale=trunc(iw/2)*2:trunc(ih/2)*2" + SourceColour.scaleOptions(v) + ",setsar=1";
    }

    static String rate(VideoStream v) {
        return Fmt.rate(OutputFps.choose(v, MAX_FPS));
    }
}
