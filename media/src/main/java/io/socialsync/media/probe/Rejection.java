package io.socialsync.media.probe;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Why an input cannot be used, with a message fit to show the user. {@link #code()} is stable for APIs; switch
 * over the records for anything finer.
 */
public sealed interface Rejection {
    String code();

    String message();

    record NotFound(Path file) implements Rejection {
        public String code() { return "not_found"; }

        public String message() { return "The file " + file.getFileName() + " does not exist."; }
    }

    record NotMedia(String detail) implements Rejection {
        public String code() { return "not_media"; }

        public String message() { return "This is not a video file: " + detail + "."; }
    }

    record NoVideoStream(String detail) implements Rejection {
        public String code() { return "no_video"; }

        public String message() { return "The file has no video stream (" + detail + ")."; }
    }

    record ZeroDuration() implements Rejection {
        public String code() { return "zero_duration"; }

        public String message() { return "The video's duration is zero or unknown."; }
    }

    record Truncated(String detail) implements Rejection {
        public String code() { return "truncated"; }

        public String message() { return "The file is incomplete, probably a cut-off upload: " + detail + "."; }
    }

    record Unreadable(String detail) implements Rejection {
        public String code() { return "unreadable"; }

        public String message() { return "FFmpeg cannot read the file: " + detail + "."; }
    }

    record TooLong(Duration actual, Duration limit) implements Rejection {
        public String code() { return "too_long"; }

        public String message() {
            return "The video is " + hms(actual) + " long; the limit is " + hms(limit) + ".";
        }
    }

    record TooLarge(long bytes, long limit) implements Rejection {
        public String code() { return "too_large"; }

        public String message() { return "The file is " + mib(bytes) + "; the limit is " + mib(limit) + "."; }
    }

    record ResolutionTooHigh(int width, int height, int limit) implements Rejection {
        public String code() { return "resolution_too_high"; }

        public String message() {
            return "The video is " + width + "x" + height + "; the limit is " + limit + " px on either side.";
        }
    }

    /** A frame within {@link ResolutionTooHigh}'s sides but with more pixels than any codec level allows. */
    record TooManyPixels(int width, int height, long limit) implements Rejection {
        public String code() { return "resolution_too_high"; }

        public String message() {
            return "The video's frames are " + width + "x" + height + " (" + megapixels((long) width * height)
                    + "); the largest supported frame has " + megapixels(limit)
                    + (limit == ValidationLimits.LEVEL_6_2_PIXELS ? " (8192x4320, the most H.264 and HEVC allow)" : "")
                    + ". Re-encode it to 8K (7680x4320) or smaller, e.g. ffmpeg -i in.mp4 -vf "
                    + "\"scale=w=7680:h=4320:force_original_aspect_ratio=decrease:force_divisible_by=2\" out.mp4.";
        }
    }

    private static String megapixels(long pixels) {
        return String.format(java.util.Locale.ROOT, "%.2f megapixels", pixels / 1e6);
    }

    private static String hms(Duration d) {
        return "%d:%02d:%02d".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
