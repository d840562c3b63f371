package io.socialsync.media.ffmpeg;

import java.nio.file.Path;

/**
 * Escaping for a value inside {@code -filter_complex}: FFmpeg unescapes twice, once for the option value
 * ({@code \ ' :}) and once for the graph ({@code \ ' [ ] , ;}), so e.g. a file path needs both levels. Temp paths
 * are ours, but the scratch root comes from configuration.
 */
public final class FilterEscape {
    private FilterEscape() {}

    public static String value(String raw) {
        return backslash(backslash(raw, "\\':"), "\\'[],;");
    }

    /** A file as a filter option (e.g. {@code metadata=...:file=}), absolute. */
    public static String path(Path file) {
        return value(file.toAbsolutePath().toString());
    }

    private static String backslash(String s, String special) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (special.indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        return b.toString();
    }
}
