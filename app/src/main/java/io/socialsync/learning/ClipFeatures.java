package io.socialsync.learning;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bands a clip and a variant are learned by: the analysis score (0–100) and length in four bands each, the hook
 * sub-score (how strong the first 3 s are, the analyser's own signal, 0–100) in the analyser's three (its reasons
 * say "slow start" below 35 and "strong hook" from 65), and a variant's preset as its effects in a fixed order.
 */
public final class ClipFeatures {
    public static final List<String> SCORE_BANDS = List.of("0-39", "40-59", "60-79", "80-100");
    public static final List<String> LENGTH_BANDS = List.of("under-15s", "15-30s", "30-60s", "60s-plus");
    public static final List<String> HOOK_BANDS = List.of("slow", "medium", "strong");
    /** Every preset a variant can end up with: none, or a non-empty set of effects. */
    public static final List<String> PRESETS = List.of("none", "color", "mirror", "speed", "zoom", "color+mirror",
            "color+speed", "color+zoom", "mirror+speed", "mirror+zoom", "speed+zoom", "color+mirror+speed",
            "color+mirror+zoom", "color+speed+zoom", "mirror+speed+zoom", "color+mirror+speed+zoom");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClipFeatures() {
    }

    public static String scoreBand(int score) {
        return score < 40 ? "0-39" : score < 60 ? "40-59" : score < 80 ? "60-79" : "80-100";
    }

    public static String lengthBand(long durationMs) {
        return durationMs < 15_000 ? "under-15s" : durationMs < 30_000 ? "15-30s" : durationMs < 60_000 ? "30-60s"
                : "60s-plus";
    }

    /** From the clip's sub_scores JSON; null when the analysis recorded no hook. */
    public static String hookBand(String subScores) {
        if (subScores == null) {
            return null;
        }
        JsonNode hook = JSON.readTree(subScores).path("hook");
        if (!hook.isNumber()) {
            return null;
        }
        double h = hook.asDouble();
        return h < 35 ? "slow" : h < 65 ? "medium" : "strong";
    }

    /**
     * A variant's preset by what it changes ({@code zoom+mirror}), read from its stored parameters, so two random
     * variants that drew the same effects count as one option; "none" when it changes nothing.
     */
    public static String preset(String presetParams) {
        if (presetParams == null) {
            return "none";
        }
        JsonNode p = JSON.readTree(presetParams);
        Set<String> on = new TreeSet<>();
        if (p.path("zoom").asDouble(1) != 1) {
            on.add("zoom");
        }
        if (p.path("mirror").asBoolean(false)) {
            on.add("mirror");
        }
        if (p.path("brightness").asDouble(0) != 0 || p.path("contrast").asDouble(1) != 1
                || p.path("saturation").asDouble(1) != 1 || p.path("hueDegrees").asDouble(0) != 0) {
            on.add("color");
        }
        if (p.path("speed").asDouble(1) != 1) {
            on.add("speed");
        }
        return on.isEmpty() ? "none" : String.join("+", on).toLowerCase(Locale.ROOT);
    }
}
