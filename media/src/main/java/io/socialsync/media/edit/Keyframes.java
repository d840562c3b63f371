package io.socialsync.media.edit;

import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.Ffmpeg;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Finds keyframes from packet flags: demuxing only, no decoding, so it is quick even on long files. */
final class Keyframes {
    /** Looking back this far finds the previous keyframe for any sane GOP. */
    static final double LOOKBACK_SECONDS = 30;

    private Keyframes() {}

    /** The last keyframe at or before {@code t} in stream {@code streamIndex}; zero if none is found. */
    static Duration atOrBefore(Ffmpeg ffmpeg, Path input, int streamIndex, Duration t, CancelToken cancel) {
        double at = t.toNanos() / 1e9;
        String interval = BigDecimal.valueOf(Math.max(0, at - LOOKBACK_SECONDS)).toPlainString() + "%"
                + BigDecimal.valueOf(at + 1).toPlainString();
        Ffmpeg.ProbeOutput out = ffmpeg.probe(List.of("-v", "error", "-select_streams", Integer.toString(streamIndex),
                "-read_intervals", interval, "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0",
                Ffmpeg.fileArg(input)), Duration.ofSeconds(60), cancel);
        return parse(out.stdout(), at);
    }

    /** Lines like {@code 1.000000,K__}; a keyframe within a millisecond after {@code at} counts as at it. */
    static Duration parse(String csv, double at) {
        double best = 0;
        for (String line : csv.split("\\R")) {
            String[] f = line.strip().split(",");
            if (f.length < 2 || !f[1].startsWith("K")) continue;
            try {
                double pts = Double.parseDouble(f[0]);
                if (pts <= at + 0.001 && pts > best) best = pts;
            } catch (NumberFormatException ignored) {
                // "N/A" pts: skip
            }
        }
        return Duration.ofNanos(Math.round(best * 1e9));
    }
}
