package io.socialsync.storage;

import java.time.Instant;

/**
 * What storage knows about one object. {@code sha256} (hex) is known only to the {@code put} that wrote it;
 * {@code contentType} and {@code lastModified} may be null where a backend's listing does not carry them.
 */
public record StoredObject(StorageKey key, long size, String contentType, Instant lastModified, String sha256) {
}
