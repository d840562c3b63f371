package io.socialsync.meta.downloads;

import java.util.Locale;

/** How one attempt at a post's media ended. */
public sealed interface DownloadOutcome {

    /** {@code alreadyStored}: an earlier run had stored it; nothing was fetched (sha256 then unknown, null). */
    record Downloaded(String key, String contentType, long size, String sha256, boolean alreadyStored)
            implements DownloadOutcome {
    }

    record Failed(ErrorType type, String message, boolean retryable) implements DownloadOutcome {
    }

    /** media_last_error.type. */
    enum ErrorType {
        HTTP_4XX, HTTP_5XX, TIMEOUT, NETWORK, REFUSED, NOT_MEDIA, TOO_LARGE, STORAGE, STORAGE_FULL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
