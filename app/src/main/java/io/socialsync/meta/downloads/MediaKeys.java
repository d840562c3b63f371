package io.socialsync.meta.downloads;

/** The seed's storage path, {@code {workspace}/publicaciones_meta/{post_id}}, within the storage key rules. */
final class MediaKeys {
    static final String FOLDER = "publicaciones_meta";

    private MediaKeys() {
    }

    static String base(long workspaceId, String postId) {
        return workspaceId + "/" + FOLDER + "/" + safe(postId);
    }

    /**
     * Meta's ids are digits and underscores, but they come from outside: anything beyond [A-Za-z0-9._-] becomes
     * '_', and a leading dot (hidden, or "..") too. Long ids are cut, leaving room for the extension.
     */
    static String safe(String postId) {
        String s = postId.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.startsWith(".")) {
            s = "_" + s.substring(1);
        }
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
