package io.socialsync.edit;

/**
 * A URL input could not be fetched. {@code permanent} when trying again cannot help (refused by the URL policy,
 * 4xx, too large); otherwise the job is retried (network errors, 5xx).
 */
public class DownloadFailed extends RuntimeException {
    private final boolean permanent;

    public DownloadFailed(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public DownloadFailed(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
