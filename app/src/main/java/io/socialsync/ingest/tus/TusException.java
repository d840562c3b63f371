package io.socialsync.ingest.tus;

/**
 * A tus protocol answer other than success. Carries a plain status code because tus uses codes Spring's
 * HttpStatus does not know (460 Checksum Mismatch).
 */
public class TusException extends RuntimeException {
    private final int status;
    private final String title;

    public TusException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    static TusException notFound(Object id) {
        return new TusException(404, "Not found", "upload " + id + " does not exist or has expired");
    }

    static TusException badRequest(String detail) {
        return new TusException(400, "Bad request", detail);
    }
}
