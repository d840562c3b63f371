package io.socialsync.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One input of an edit: a video or rendered variant of the caller's workspace, or an http(s) URL that the job
 * downloads. Stored in the job payload in the request's own shape ({@code {"video_id": 7}}).
 */
public sealed interface EditInput {

    record VideoInput(long videoId) implements EditInput {
    }

    record VariantInput(long variantId) implements EditInput {
    }

    record UrlInput(String url) implements EditInput {
    }

    default Map<String, Object> toPayload() {
        return switch (this) {
            case VideoInput v -> Map.of("video_id", v.videoId());
            case VariantInput v -> Map.of("variant_id", v.variantId());
            case UrlInput u -> Map.of("url", u.url());
        };
    }

    static List<Map<String, Object>> toPayload(List<EditInput> inputs) {
        return inputs.stream().map(EditInput::toPayload).toList();
    }

    /** The payload's {@code inputs} array, in order. */
    static List<EditInput> fromPayload(JsonNode payload) {
        var inputs = new ArrayList<EditInput>();
        for (JsonNode n : payload.get("inputs")) {
            if (n.has("video_id")) {
                inputs.add(new VideoInput(n.get("video_id").asLong()));
            } else if (n.has("variant_id")) {
                inputs.add(new VariantInput(n.get("variant_id").asLong()));
            } else {
                inputs.add(new UrlInput(n.get("url").asString()));
            }
        }
        return inputs;
    }

    /** For messages: "video 7", "variant 3", "https://…". */
    default String describe() {
        return switch (this) {
            case VideoInput v -> "video " + v.videoId();
            case VariantInput v -> "variant " + v.variantId();
            case UrlInput u -> u.url();
        };
    }
}
