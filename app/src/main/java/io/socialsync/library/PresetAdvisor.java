package io.socialsync.library;

import java.util.List;
import java.util.Optional;

/**
 * What a {@code random} preset becomes when something has learned which presets work (the learning feature
 * implements it; the library knows nothing of how): a preset such as {@code mirror+zoom}, drawn anew for each
 * request, or empty to keep the uniform draw.
 */
public interface PresetAdvisor {
    /** @param reason one sentence for the ledger */
    record Advice(String preset, String reason) {
    }

    Optional<Advice> random(long workspaceId, List<String> formats);
}
