package io.socialsync.media.probe;

/** Thrown by {@link MediaProber} when ffprobe cannot make sense of a file at all. */
public final class MediaRejectedException extends RuntimeException {
    private final Rejection rejection;

    public MediaRejectedException(Rejection rejection) {
        super(rejection.message());
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
