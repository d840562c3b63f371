package io.socialsync.storage;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Keys for files whose names come from outside (uploads, platform downloads). The name is never used as a path:
 * the key is a fresh random id, and only an allow-listed extension survives, so a name like
 * {@code ../../etc/passwd} or {@code evil.html} cannot choose where or as what the bytes are stored or served.
 */
public final class UploadKeys {
    /** Media we handle; no html/svg/js, which a browser would run if served from our origin. */
    static final Set<String> EXTENSIONS = Set.of("mp4", "m4v", "mov", "webm", "mkv", "avi",
            "mp3", "m4a", "aac", "wav", "ogg", "opus", "flac",
            "jpg", "jpeg", "png", "gif", "webp", "heic",
            "srt", "vtt");

    private UploadKeys() {
    }

    /** A new key under {@code folder} (itself a valid key) for a file that was called {@code untrustedName}. */
    public static StorageKey newKey(String folder, String untrustedName) {
        return StorageKey.of(StorageKey.of(folder).value() + "/" + UUID.randomUUID() + extension(untrustedName));
    }

    /** ".mp4" for "My Clip.MP4"; "" when there is none or it is not allowed. */
    static String extension(String untrustedName) {
        if (untrustedName == null) {
            return "";
        }
        // the base name by either separator, so "C:\x\clip.mp4" and "a/b.mp4" both end in their file name
        String base = untrustedName.substring(Math.max(untrustedName.lastIndexOf('/'),
                untrustedName.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        String ext = dot < 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.contains(ext) ? "." + ext : "";
    }
}
