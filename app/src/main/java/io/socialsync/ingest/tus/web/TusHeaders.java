package io.socialsync.ingest.tus.web;

import io.socialsync.ingest.tus.TusException;
import io.socialsync.ingest.tus.TusUpload;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.http.HttpHeaders;

/** The headers tus responses carry about an upload, and the numeric request headers it reads. */
final class TusHeaders {
    static final String VIDEO_ID = "X-SocialSync-Video-Id";
    /** RFC 9110's IMF-fixdate ({@code Tue, 08 Dec 2026 10:00:00 GMT}); RFC_1123_DATE_TIME drops the day's 0. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private TusHeaders() {
    }

    static HttpHeaders of(TusUpload upload) {
        var headers = new HttpHeaders();
        headers.set("Upload-Offset", Long.toString(upload.offset()));
        headers.set("Upload-Expires", HTTP_DATE.format(upload.expiresAt()));
        if (upload.videoId() != null) {
            headers.set(VIDEO_ID, Long.toString(upload.videoId()));
        }
        return headers;
    }

    static long number(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null || !value.strip().matches("\\d{1,19}")) {
            throw notANumber(name, value);
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) { // 19 digits can exceed Long.MAX_VALUE: a 400, not a 500
            throw notANumber(name, value);
        }
    }

    private static TusException notANumber(String name, String value) {
        return new TusException(400, "Bad request", name + " must be a non-negative integer below 2^63"
                + (value == null ? " and is missing" : ", got '" + value + "'"));
    }
}
