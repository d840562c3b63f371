package io.socialsync.edit;

import java.time.Instant;

/** A file an edit job produced, kept in storage under {@code {workspace}/assets/}. */
public record Asset(long id, long workspaceId, String kind, String storageKey, String contentType, long sizeBytes,
                    long durationMs, Integer width, Integer height, long jobId, Instant createdAt) {

    /** What the API hands out: a path that redirects to a signed storage URL, never the storage key itself. */
    public String url() {
        return "/assets/" + id + "/file";
    }

    /** Before it has an id. */
    public record New(long workspaceId, String kind, String storageKey, String contentType, long sizeBytes,
                      long durationMs, Integer width, Integer height, long jobId) {
    }
}
