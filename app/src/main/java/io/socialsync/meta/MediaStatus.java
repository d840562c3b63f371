package io.socialsync.meta;

import java.util.Locale;

/**
 * The seed's {@code media_status}. {@code error} is final here: a 4xx, a refused URL, or the fifth failed
 * attempt. Transient failures stay {@code pending} with a next-attempt time.
 */
public enum MediaStatus {
    PENDING, DOWNLOADING, SUCCESS, ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MediaStatus parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
