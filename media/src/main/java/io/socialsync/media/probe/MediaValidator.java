package io.socialsync.media.probe;

import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.FfmpegException;
import io.socialsync.media.ffmpeg.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Decides whether an upload is usable: probe, then content checks, then limits, then a short decode of the last
 * second, because an MP4 whose index sits at the front (faststart) still probes fine when its tail is missing.
 */
public final class MediaValidator {
    /** Demuxers that "succeed" on things that are not videos. */
    private static final Set<String> STILL_IMAGE_SUFFIXES = Set.of("_pipe", "image2");
    private static final List<String> TRUNCATION_MARKERS = List.of("partial file", "ended prematurely");
    private static final Duration TAIL_TIMEOUT = Duration.ofSeconds(60);

    private final Ffmpeg ffmpeg;
    private final MediaProber prober;
    private final ValidationLimits limits;
    private final boolean checkTail;

    public MediaValidator(Ffmpeg ffmpeg, ValidationLimits limits) {
        this(ffmpeg, limits, true);
    }

    /** @param checkTail decode the last second to catch truncation (one extra, short ffmpeg run) */
    public MediaValidator(Ffmpeg ffmpeg, ValidationLimits limits, boolean checkTail) {
        this.ffmpeg = ffmpeg;
        this.prober = new MediaProber(ffmpeg);
        this.limits = limits;
        this.checkTail = checkTail;
    }

    public ValidationResult validate(Path file) {
        return validate(file, null);
    }

    /** @throws FfmpegException only for infrastructure problems (FFmpeg missing, cancelled) */
    public ValidationResult validate(Path file, CancelToken cancel) {
        MediaInfo info;
        try {
            info = prober.probe(file, cancel);
        } catch (MediaRejectedException e) {
            return new ValidationResult.Rejected(e.rejection());
        }
        Rejection rejection = check(info);
        if (rejection == null && checkTail) rejection = checkTail(file, cancel);
        return rejection == null ? new ValidationResult.Accepted(info) : new ValidationResult.Rejected(rejection);
    }

    /** The checks that need only the probe, in the order a user would want to hear about them. */
    Rejection check(MediaInfo info) {
        String format = info.container();
        if (format.equals("tty")) return new Rejection.NotMedia("it looks like a text file");
        if (STILL_IMAGE_SUFFIXES.stream().anyMatch(format::endsWith)) {
            return new Rejection.NotMedia("it is a still image (" + format + ")");
        }
        if (info.video().isEmpty()) {
            return info.hasAudio()
                    ? new Rejection.NoVideoStream("audio only")
                    : new Rejection.NotMedia("it has neither audio nor video streams");
        }
        if (info.sizeBytes() > limits.maxBytes()) return new Rejection.TooLarge(info.sizeBytes(), limits.maxBytes());
        if (info.duration().isZero()) return new Rejection.ZeroDuration();
        if (info.duration().compareTo(limits.maxDuration()) > 0) {
            return new Rejection.TooLong(info.duration(), limits.maxDuration());
        }
        VideoStream v = info.requireVideo();
        if (v.width() <= 0 || v.height() <= 0) return new Rejection.Unreadable("the video stream has no frame size");
        if (Math.max(v.width(), v.height()) > limits.maxDimension()) {
            return new Rejection.ResolutionTooHigh(v.width(), v.height(), limits.maxDimension());
        }
        if ((long) v.width() * v.height() > limits.maxPixels()) {
            return new Rejection.TooManyPixels(v.width(), v.height(), limits.maxPixels());
        }
        return null;
    }

    private Rejection checkTail(Path file, CancelToken cancel) {
        List<String> args = List.of("-v", "error", "-sseof", "-1", "-i", Ffmpeg.fileArg(file),
                "-map", "0:v:0", "-f", "null", "-");
        String stderr;
        try {
            stderr = ffmpeg.run(args, RunOptions.defaults().withTimeout(TAIL_TIMEOUT).withCancel(cancel))
                    .stderrTail();
        } catch (FfmpegException.Failed e) {
            return truncationIn(e.stderrTail()) ? truncated() : new Rejection.Unreadable(
                    "decoding the end of the file failed (" + lastLine(e.stderrTail()) + ")");
        } catch (FfmpegException.TimedOut e) {
            return new Rejection.Unreadable("decoding the end of the file did not finish");
        }
        return truncationIn(stderr) ? truncated() : null;
    }

    private static boolean truncationIn(String stderr) {
        return TRUNCATION_MARKERS.stream().anyMatch(stderr::contains);
    }

    private static Rejection truncated() {
        return new Rejection.Truncated("its data ends before its stated duration");
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\\R");
        return lines[lines.length - 1].strip();
    }
}
