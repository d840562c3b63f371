package io.socialsync.platforms;

import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

/**
 * The file a publication posts: a rendered variant in storage, its frame size and length when known (null
 * otherwise), and the clip's thumbnail as a cover (or null).
 */
public record Media(Storage storage, StorageKey key, long sizeBytes, Long durationMs, StorageKey cover, Integer width,
                   Integer height) {
    public static final String CONTENT_TYPE = "video/mp4";

    /** Bytes {@code from..to} (inclusive); the caller closes the stream. */
    public InputStream open(long from, long to) {
        return from == 0 && to == sizeBytes - 1 ? storage.open(key) : storage.openRange(key, from, to);
    }

    /** For platforms that pull the file themselves (Instagram's video_url). */
    public URI signedUrl(Duration ttl) {
        return storage.signedUrl(key, ttl);
    }

    /** A signed link to the cover image, or null when the clip has no thumbnail. */
    public URI signedCoverUrl(Duration ttl) {
        return cover == null ? null : storage.signedUrl(cover, ttl);
    }

    /** Taller than wide (9:16 and the like); false when the frame size is not known. */
    public boolean vertical() {
        return width != null && height != null && height > width;
    }
}
