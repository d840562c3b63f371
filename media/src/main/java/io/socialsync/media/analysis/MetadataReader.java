package io.socialsync.media.analysis;

import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.FfmpegException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the text FFmpeg's {@code metadata=mode=print} / {@code ametadata} filters write: a header line
 * {@code frame:12   pts:6144    pts_time:0.48} followed by {@code key=value} lines for that frame. A 2-hour input
 * gives millions of lines, so nothing is held beyond the current line.
 */
final class MetadataReader {
    /** Receives one file's frames in order. */
    interface Listener {
        /** A new frame starts; {@code ptsTime} is NaN when FFmpeg printed NOPTS. */
        void frame(double ptsTime);

        void value(String key, double value);

        /** After the last frame. */
        default void end() {}
    }

    private static final int CANCEL_CHECK_LINES = 20_000;

    private MetadataReader() {}

    /** A file the filter never created (no frames reached it) reads as empty. */
    static void read(Path file, Listener listener, CancelToken cancel) {
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int n = 0;
                while ((line = in.readLine()) != null) {
                    if (++n % CANCEL_CHECK_LINES == 0 && cancel.isCancelled()) {
                        throw new FfmpegException.Cancelled("analysis", "cancel token", "");
                    }
                    accept(line, listener);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        listener.end();
    }

    static void accept(String line, Listener listener) {
        if (line.startsWith("frame:")) {
            int at = line.indexOf("pts_time:");
            listener.frame(at < 0 ? Double.NaN : number(line.substring(at + 9).strip()));
            return;
        }
        int eq = line.indexOf('=');
        if (eq > 0) listener.value(line.substring(0, eq), number(line.substring(eq + 1).strip()));
    }

    /** FFmpeg prints "nan", "inf" and "-inf" in C style, which {@link Double#parseDouble} rejects. */
    static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return switch (s) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
    }
}
