package io.socialsync.media.ffmpeg;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns {@code -progress pipe:1} output ({@code key=value} lines, each block ending in {@code progress=continue}
 * or {@code progress=end}) into {@link Progress} events.
 */
final class ProgressParser implements Consumer<String> {
    private final Duration total;
    private final ProgressListener listener;
    private final Map<String, String> block = new HashMap<>();

    ProgressParser(Duration total, ProgressListener listener) {
        this.total = total == null ? Duration.ZERO : total;
        this.listener = listener;
    }

    @Override
    public void accept(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) return;
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (!key.equals("progress")) {
            block.put(key, value);
            return;
        }
        // out_time_us, not out_time_ms: the latter is also microseconds in FFmpeg 4–6 (a long-standing bug)
        long outUs = Math.max(0, parseLong(block.get("out_time_us")));
        Duration out = Duration.ofNanos(outUs * 1000);
        listener.onProgress(new Progress(out, total, Math.max(0, parseLong(block.get("frame"))),
                parseSpeed(block.get("speed")), value.equals("end")));
        block.clear();
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0; // "N/A" before the first frame
        }
    }

    private static double parseSpeed(String s) {
        if (s == null) return 0;
        try {
            return Double.parseDouble(s.endsWith("x") ? s.substring(0, s.length() - 1) : s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
