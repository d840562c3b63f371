package io.socialsync.edit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job result, in the shape the seed's MoviePy service answered ({@code status}, {@code asset_url},
 * {@code message}) plus what a caller needs without a second request.
 */
final class EditOutcome {
    private EditOutcome() {
    }

    /**
     * @param assetUrl    the file's absolute signed link (the seed's SAS-style {@code asset_url})
     * @param sourceStart where a trim really started (a keyframe copy snaps back); null when not a trim
     * @param sessionId   the caller's {@code session_id}, echoed so a caller matches result and request; or null
     */
    static Map<String, Object> of(Asset asset, String kind, String assetUrl, Duration sourceStart, String sessionId) {
        var result = new LinkedHashMap<String, Object>();
        result.put("status", "completed");
        result.put("asset_id", asset.id());
        result.put("asset_url", assetUrl);
        result.put("asset_file", asset.url()); // the lasting route: redirects to a fresh signed link
        if (sessionId != null) {
            result.put("session_id", sessionId);
        }
        result.put("duration_seconds", asset.durationMs() / 1000.0);
        result.put("size_bytes", asset.sizeBytes());
        result.put("width", asset.width());
        result.put("height", asset.height());
        if (kind.equals("trim") && sourceStart != null) {
            result.put("source_start_seconds", sourceStart.toMillis() / 1000.0);
        }
        result.put("message", switch (kind) {
            case "trim" -> "video trimmed";
            case "add_text" -> "text added to the video";
            default -> "videos concatenated";
        });
        return result;
    }
}
