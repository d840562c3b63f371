package io.socialsync.webapp;

import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Signed /files links for players, thumbnails and downloads (Range supported there), valid while a page is open. */
@Component
class Links {
    private static final Duration TTL = Duration.ofHours(4);
    private final Storage storage;

    Links(Storage storage) {
        this.storage = storage;
    }

    String file(String key) {
        return key == null ? null : storage.signedUrl(StorageKey.of(key), TTL).toString();
    }
}
