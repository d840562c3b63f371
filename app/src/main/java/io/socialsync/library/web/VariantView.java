package io.socialsync.library.web;

import io.socialsync.library.Variant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@NullMarked
public record VariantView(long id, long clipId, String format, String preset, JsonNode presetParams, long seed,
                          String state, @Nullable String downloadUrl, @Nullable Integer width,
                          @Nullable Integer height, @Nullable Double durationSeconds, @Nullable Long sizeBytes,
                          @Nullable String error, List<JsonNode> warnings, @Nullable Long jobId, Instant createdAt,
                          Instant updatedAt) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static VariantView of(Variant v) {
        return new VariantView(v.id(), v.clipId(), v.format(), v.preset(), wireNames(JSON.readTree(v.presetParams())), v.seed(),
                v.state().name(), v.state() == Variant.State.READY ? "/variants/" + v.id() + "/file" : null,
                v.width(), v.height(), v.durationMs() == null ? null : v.durationMs() / 1000.0, v.sizeBytes(),
                v.error(), warnings(v.warnings()), v.jobId(), v.createdAt(), v.updatedAt());
    }

    /**
     * The stored parameters are the media Preset record as Java names it (hueDegrees), and stay so: the renderer
     * reads them back. The wire speaks snake case like every other field (hue_degrees).
     */
    static JsonNode wireNames(JsonNode stored) {
        if (!(stored instanceof ObjectNode object)) {
            return stored;
        }
        var snake = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
        ObjectNode out = JSON.createObjectNode();
        object.properties().forEach(e -> out.set(snake.nameForField(null, null, e.getKey()), e.getValue()));
        return out;
    }

    /** Always an array, so clients need not tell "none" from "not rendered yet". */
    private static List<JsonNode> warnings(@Nullable String json) {
        if (json == null) return List.of();
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(json).forEach(out::add);
        return out;
    }
}
