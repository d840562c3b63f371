package io.socialsync.library;

import java.time.Instant;

/** A rendered file of a Clip for one platform format and one preset; the seed reproduces a random preset. */
public record Variant(long id, long workspaceId, long clipId, String format, String preset, String presetParams,
                      long seed, State state, String storageKey, Integer width, Integer height, Long durationMs,
                      Long sizeBytes, String error, Long jobId, Instant createdAt, Instant updatedAt) {

    public enum State {
        PENDING, READY, FAILED
    }
}
