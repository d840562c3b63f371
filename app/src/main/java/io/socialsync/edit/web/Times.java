package io.socialsync.edit.web;

import io.socialsync.domain.Invalid;
import io.socialsync.edit.EditInput;
import io.socialsync.edit.UrlDownloads;

/** Small helpers the request bodies share. */
final class Times {
    private Times() {
    }

    /** Seconds (as JSON numbers) to whole milliseconds, the payload's unit. */
    static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    /** The seed's {@code session_id}: any caller correlation text up to 200 characters, echoed back. */
    static String sessionId(String value, Invalid.Collector errors) {
        if (value != null && (value.isBlank() || value.length() > 200)) {
            errors.add("session_id", "must be 1 to 200 characters");
        }
        return value;
    }

    /** The single input of trim and add_text: {@code input}, or the seed's {@code video_url}. */
    static EditInput input(InputBody input, String videoUrl, Invalid.Collector errors, UrlDownloads urls) {
        if (input == null && videoUrl == null) {
            errors.add("input", "is required: {\"video_id\": …}, {\"variant_id\": …} or {\"url\": …}");
            return null;
        }
        if (input != null && videoUrl != null) {
            errors.add("input", "give input or video_url, not both");
            return null;
        }
        return (input != null ? input : InputBody.ofUrl(videoUrl)).validated("input", errors, urls);
    }
}
