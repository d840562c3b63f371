package io.socialsync.storage;

import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/** Content types from key extensions, for local storage and for callers that do not know better. */
public final class ContentTypes {
    private ContentTypes() {
    }

    public static String of(StorageKey key) {
        return MediaTypeFactory.getMediaType(key.name()).orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
    }
}
