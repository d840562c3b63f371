package io.socialsync.storage;

import java.util.regex.Pattern;

/**
 * Where an object lives in {@link Storage}: a relative path of segments made of {@code [A-Za-z0-9._-]}. The
 * same rules hold on every backend, so a key that works on local disk also works on S3 and the other way round.
 * A segment may not start with a dot: that rules out {@code .} and {@code ..}, and keeps hidden names free for
 * the temporary files of {@link LocalStorage}.
 */
public record StorageKey(String value) {
    /** S3 allows 1,024 bytes; this leaves room for the configured prefix. */
    public static final int MAX_LENGTH = 512;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");
    private static final Pattern PARTIAL_SEGMENT = Pattern.compile("[A-Za-z0-9._-]*");

    public StorageKey {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid storage key " + quoted(value) + ": " + problem);
        }
    }

    public static StorageKey of(String value) {
        return new StorageKey(value);
    }

    /** The last segment, the "file name". */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /**
     * Checks a listing prefix: like a key, except that it may be empty and its last segment may be partial
     * ({@code "videos/"}, {@code "videos/12"}).
     */
    public static String checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        int slash = prefix.lastIndexOf('/');
        String problem = prefix.length() > MAX_LENGTH ? "longer than " + MAX_LENGTH + " characters"
                : !PARTIAL_SEGMENT.matcher(prefix.substring(slash + 1)).matches() ? "bad characters"
                : slash >= 0 ? problem(prefix.substring(0, slash)) : null;
        if (problem != null) {
            throw new IllegalArgumentException("invalid storage prefix " + quoted(prefix) + ": " + problem);
        }
        return prefix;
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        // limit -1 keeps empty segments, so "a//b", "/a" and "a/" are caught
        for (String segment : value.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return "each segment needs 1-255 of [A-Za-z0-9._-] and may not start with a dot";
            }
        }
        return null;
    }

    /** Keys come from users: echo a bounded prefix only. */
    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
    }

    @Override
    public String toString() {
        return value;
    }
}
