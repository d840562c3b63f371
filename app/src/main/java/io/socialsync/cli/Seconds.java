package io.socialsync.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Times on the command line: {@code 90}, {@code 90.5}, {@code 1:30} or {@code 1:02:03.5}. */
final class Seconds implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        String[] parts = value.strip().split(":");
        if (parts.length > 3) throw bad(value);
        double seconds = 0;
        try {
            for (String p : parts) {
                double v = Double.parseDouble(p);
                if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) throw bad(value);
                seconds = seconds * 60 + v;
            }
        } catch (NumberFormatException e) {
            throw bad(value);
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** {@code 0:12.480}; hours only when there are some. */
    static String format(double seconds) {
        long ms = Math.round(seconds * 1000);
        long h = ms / 3_600_000;
        long m = ms / 60_000 % 60;
        double s = ms % 60_000 / 1000.0;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%06.3f", h, m, s)
                : String.format(Locale.ROOT, "%d:%06.3f", m, s);
    }

    private static CommandLine.TypeConversionException bad(String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is not a time; use seconds (90.5) or "
                + "[h:]m:s (1:30)");
    }
}
