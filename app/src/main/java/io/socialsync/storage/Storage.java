package io.socialsync.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where media files live: {@link LocalStorage} (the data directory) or {@link S3Storage} (any S3-compatible
 * store). Everything streams; no method holds a whole object in memory. Writes are all-or-nothing: a reader sees
 * the old object or the new one, never part of one. Failures are {@link StorageException}s.
 */
public interface Storage {
    /** Signed URLs are SigV4 presigned URLs on S3, which cannot outlive a week; local ones keep to that too. */
    Duration MAX_URL_TTL = Duration.ofDays(7);

    /**
     * Streams {@code in} (not closed here) to {@code key}, replacing any object there.
     *
     * @param length      the byte count if known, else -1; a stream that ends early or runs long fails the put
     * @param contentType kept by S3; local storage derives it from the key's extension (see {@link ContentTypes})
     */
    StoredObject put(StorageKey key, InputStream in, long length, String contentType);

    default StoredObject putFile(StorageKey key, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(key, in, Files.size(file), ContentTypes.of(key));
        } catch (IOException e) {
            throw new StorageException("cannot read " + file, e);
        }
    }

    /** The whole object; the caller closes it. @throws ObjectNotFoundException */
    InputStream open(StorageKey key);

    /**
     * Bytes {@code start..endInclusive}, as in an HTTP Range; an end past the object is cut to its last byte.
     *
     * @throws ObjectNotFoundException if there is no object
     * @throws StorageException        if {@code start} is at or past the end
     */
    InputStream openRange(StorageKey key, long start, long endInclusive);

    Optional<StoredObject> stat(StorageKey key);

    default boolean exists(StorageKey key) {
        return stat(key).isPresent();
    }

    /** Idempotent: deleting a missing object is not an error. */
    void delete(StorageKey key);

    /**
     * Objects whose keys start with {@code prefix} (a plain string prefix, as on S3), in key order, fetched lazily
     * page by page where the backend pages. Close the stream (try-with-resources).
     */
    Stream<StoredObject> list(String prefix);

    /**
     * The object as a file on this machine, when the backend keeps it as one: FFmpeg then reads it in place
     * instead of from a downloaded copy. Read only; empty on object stores.
     */
    default Optional<Path> localFile(StorageKey key) {
        return Optional.empty();
    }

    /** A URL anyone can GET (with Range) until {@code ttl} has passed: how platforms pull a video_url. */
    URI signedUrl(StorageKey key, Duration ttl);

    /** Checks the backend is reachable and usable; returns details for the health endpoint. */
    Map<String, Object> check();

    static void checkRange(long start, long endInclusive) {
        if (start < 0 || endInclusive < start) {
            throw new IllegalArgumentException("bad range " + start + "-" + endInclusive);
        }
    }

    static void checkTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_URL_TTL) > 0) {
            throw new IllegalArgumentException("signed URL lifetime must be within (0, 7 days], not " + ttl);
        }
    }
}
