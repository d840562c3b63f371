package io.socialsync.media.probe;

/** The outcome of {@link MediaValidator#validate}: usable with its probe, or rejected with a reason. */
public sealed interface ValidationResult {
    record Accepted(MediaInfo info) implements ValidationResult {}

    record Rejected(Rejection rejection) implements ValidationResult {
        public String message() {
            return rejection.message();
        }
    }
}
