package io.socialsync.media.render;

/**
 * Escaping for a value inside {@code -filter_complex}: FFmpeg unescapes twice, once for the option value
 * ({@code \ ' :}) and once for the graph ({@code \ ' [ ] , ;}), so e.g. a file path needs both levels.
 */
public final class FilterEscape {
    private FilterEscape() {}

    public static String value(String raw) {
        return graph(option(raw));
    }

    static String option(String s) {
        return backslash(s, "\\':");
    }

    static String graph(String s) {
        return backslash(s, "\\'[],;");
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
