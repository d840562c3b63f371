package io.socialsync.domain;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns an exception chain into the one line a person reads, and makes error texts fit to leave the server. */
public final class Errors {
    private static final String SEGMENT = "[^\\s/'\"`(),;:<>\\[\\]{}|=]+";
    /**
     * An absolute path of two segments or more, not preceded by what would make it part of a URL ({@code host/a/b})
     * or a relative path ({@code a/b/c}). {@code file:/x/y} (how FFmpeg names its inputs) still counts as a path.
     */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile(
            "(?<![\\w.\\]~/%-])/(?:" + SEGMENT + "/)+(" + SEGMENT + ")?");

    private Errors() {
    }

    public static String oneLine(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }

    /**
     * An error text as the API may show it: every absolute server path (data dir, work dir, temp files, FFmpeg's
     * inputs in its stderr) cut to its file name, so no caller learns the server's layout; null stays null.
     */
    public static String forUsers(String text) {
        if (text == null) {
            return null;
        }
        return ABSOLUTE_PATH.matcher(text).replaceAll(m -> Matcher.quoteReplacement(basename(m)));
    }

    /** {@link #forUsers} cut to {@code max} characters, for a column of that size. */
    public static String forUsers(String text, int max) {
        String scrubbed = forUsers(text);
        return scrubbed == null || scrubbed.length() <= max ? scrubbed : scrubbed.substring(0, max - 1) + "…";
    }

    private static String basename(MatchResult m) {
        if (m.group(1) != null) {
            return m.group(1);
        }
        String dir = m.group().substring(0, m.group().length() - 1); // a directory: its own name
        return dir.substring(dir.lastIndexOf('/') + 1);
    }
}
