package io.socialsync.library;

import java.time.Instant;

/**
 * A rendered file of a Clip for one platform format and one preset; the seed reproduces a random preset.
 *
 * @param warnings a JSON array of the render's warnings ({@link VariantWarnings}), null for none
 */
public record Variant(long id, long workspaceId, long clipId, String format, String preset, String presetParams,
                      long seed, State state, String storageKey, Integer width, Integer height, Long durationMs,
                      Long sizeBytes, String error, Long jobId, Instant createdAt, Instant updatedAt,
                      String warnings) {

    public enum State {
        PENDING, READY, FAILED
    }
}
