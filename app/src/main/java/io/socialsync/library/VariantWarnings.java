package io.socialsync.library;

import io.socialsync.media.render.RenderWarning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A render's warnings as stored on the variant and shown by the API: {@code [{type, message, factor?}]}. */
public final class VariantWarnings {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VariantWarnings() {}

    /** @return a JSON array, or null when there is nothing to say */
    public static String json(List<RenderWarning> warnings) {
        if (warnings.isEmpty()) return null;
        return JSON.writeValueAsString(warnings.stream().map(VariantWarnings::fields).toList());
    }

    private static Map<String, Object> fields(RenderWarning w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", w.type());
        m.put("message", w.message());
        switch (w) {
            case RenderWarning.Upscale u -> {
                m.put("factor", u.factor());
                m.put("source_width", u.sourceWidth());
                m.put("source_height", u.sourceHeight());
            }
        }
        return m;
    }
}
