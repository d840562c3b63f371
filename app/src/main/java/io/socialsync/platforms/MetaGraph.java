package io.socialsync.platforms;

/**
 * The Graph API version every call to Meta speaks: publishing, insights, token renewal, connecting and the
 * Marketing API. Meta keeps a version about two years (v21.0 ends on 21 Jan 2027); this is the one place to move
 * it. A base URL left empty in the configuration means this one.
 */
public final class MetaGraph {
    public static final String VERSION = "v26.0";
    public static final String URL = "https://graph.facebook.com/" + VERSION;
    public static final String LOGIN_DIALOG = "https://www.facebook.com/" + VERSION + "/dialog/oauth";

    private MetaGraph() {
    }

    /** {@code url} without a trailing slash, or {@code fallback} when it is unset or blank. */
    public static String or(String url, String fallback) {
        if (url == null || url.isBlank()) {
            return fallback;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
