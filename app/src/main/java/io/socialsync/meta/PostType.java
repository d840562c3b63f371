package io.socialsync.meta;

import java.util.Locale;

/** What a post is. Only photos and videos have media to download; stories and text statuses are kept but skipped. */
public enum PostType {
    PHOTO, VIDEO, STATUS, STORY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostType parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** The seed's fallback extensions, for when the Content-Type says nothing usable. */
    public String fallbackExtension() {
        return this == VIDEO ? "mp4" : "jpg";
    }
}
