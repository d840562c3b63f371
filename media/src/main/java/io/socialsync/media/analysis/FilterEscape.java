package io.socialsync.media.analysis;

import java.nio.file.Path;

/**
 * Quotes a file path for use as a filter option value inside {@code -filter_complex}. FFmpeg unescapes twice:
 * the graph parser (special: {@code \ ' [ ] , ;}) and then the option parser (special: {@code \ ' :}), so each
 * level gets its own backslashes. Temp paths are ours, but the scratch root comes from configuration.
 */
final class FilterEscape {
    private FilterEscape() {}

    static String path(Path file) {
        return escape(escape(file.toAbsolutePath().toString(), "\\':"), "\\'[],;");
    }

    static String escape(String s, String special) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if (special.indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
