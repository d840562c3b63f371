package io.socialsync.web;

/**
 * Client-given strings checked against the column they end up in, before anything is stored: a value too long for
 * its column is the caller's mistake (400 naming the field), never a database error (500).
 */
public final class FieldLimits {
    /** jobs, videos and publications store an idempotency key in VARCHAR(200). */
    public static final int IDEMPOTENCY_KEY = 200;
    /** videos.title */
    public static final int TITLE = 500;

    private FieldLimits() {
    }

    /** An {@code Idempotency-Key} header or field: absent is fine, blank or over the column is not. */
    public static String idempotencyKey(String field, String value) {
        return bounded(field, value, IDEMPOTENCY_KEY);
    }

    /** Absent passes; blank or longer than {@code max} characters is a 400 naming {@code field}. */
    public static String bounded(String field, String value, int max) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            throw InvalidFields.of(field, "must be 1 to " + max + " characters");
        }
        return value;
    }
}
