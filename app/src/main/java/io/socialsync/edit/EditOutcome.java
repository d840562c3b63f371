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

    static Map<String, Object> of(Asset asset, String kind) {
        return of(asset, kind, null);
    }

    /** @param sourceStart where a trim really started (a keyframe copy snaps back); null when not a trim */
    static Map<String, Object> of(Asset asset, String kind, Duration sourceStart) {
        var result = new LinkedHashMap<String, Object>();
        result.put("status", "completed");
        result.put("asset_id", asset.id());
        result.put("asset_url", asset.url());
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
