package io.socialsync.media.render;

import java.util.List;

/** A render that cannot or did not produce what the platforms accept. FFmpeg's own failures stay FfmpegExceptions. */
public abstract sealed class RenderException extends RuntimeException {
    RenderException(String message) {
        super(message);
    }

    /** The request breaks a platform rule (checked before encoding when possible, e.g. duration). */
    public static final class LimitExceeded extends RenderException {
        public LimitExceeded(String message) {
            super(message);
        }
    }

    /** An output came out wrong (codec, profile, size, ...): a bug or a broken FFmpeg, never silently shipped. */
    public static final class BadOutput extends RenderException {
        private final List<String> problems;

        public BadOutput(String file, List<String> problems) {
            super(file + " does not meet the output spec: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
