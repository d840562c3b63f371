package io.socialsync.meta.downloads;

import io.socialsync.meta.PostType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file extension from the response's Content-Type (the seed's mimetypes.guess_extension), falling back to
 * {@code .jpg} for photos and {@code .mp4} for videos when the type is missing or says nothing (octet-stream).
 */
final class MediaExtensions {
    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/jpg", "jpg"), Map.entry("image/pjpeg", "jpg"),
            Map.entry("image/png", "png"), Map.entry("image/webp", "webp"), Map.entry("image/gif", "gif"),
            Map.entry("image/heic", "heic"), Map.entry("image/heif", "heif"),
            Map.entry("video/mp4", "mp4"), Map.entry("video/quicktime", "mov"), Map.entry("video/webm", "webm"),
            Map.entry("video/x-m4v", "m4v"), Map.entry("video/x-matroska", "mkv"), Map.entry("video/3gpp", "3gp"));
    private static final List<String> PHOTO = List.of("jpg", "png", "webp", "gif", "heic", "heif");
    private static final List<String> VIDEO = List.of("mp4", "mov", "webm", "m4v", "mkv", "3gp");

    private MediaExtensions() {
    }

    /** "Video/MP4; charset=x" → "video/mp4"; null or blank → null. */
    static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.isEmpty() ? null : base;
    }

    static String of(String contentType, PostType type) {
        String base = baseType(contentType);
        return base != null && BY_TYPE.containsKey(base) ? BY_TYPE.get(base) : type.fallbackExtension();
    }

    /** An HTML error page or a JSON error is not a photo: storing it as one would hide the failure. */
    static boolean notMedia(String contentType) {
        String base = baseType(contentType);
        return base != null && (base.startsWith("text/") || base.equals("application/json")
                || base.equals("application/xhtml+xml"));
    }

    /** Where an earlier run may have stored this post already: the fallback first, then its type's others. */
    static List<String> likely(PostType type) {
        return type == PostType.VIDEO ? VIDEO : PHOTO;
    }
}
