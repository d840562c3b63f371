package io.socialsync.ingest.tus;

import java.time.Instant;
import java.util.UUID;

/** One resumable upload: how long it will be, how much has arrived, and the video it became once complete. */
public record TusUpload(UUID id, long workspaceId, long length, long offset, String metadata, String fileName,
                        Instant createdAt, Instant expiresAt, Long videoId) {

    public boolean received() {
        return offset == length;
    }
}
