package io.socialsync.media.probe;

/** A rational frame rate as FFmpeg reports it ("30000/1001"); keep it rational so long cuts do not drift. */
public record FrameRate(long numerator, long denominator) {
    public static final FrameRate UNKNOWN = new FrameRate(0, 1);

    public FrameRate {
        if (denominator <= 0 || numerator < 0) {
            numerator = 0;
            denominator = 1;
        }
    }

    /** Parses "num/den" or a plain number; "0/0" and garbage give {@link #UNKNOWN}. */
    public static FrameRate parse(String s) {
        if (s == null || s.isBlank()) return UNKNOWN;
        try {
            int slash = s.indexOf('/');
            if (slash < 0) return new FrameRate(Long.parseLong(s.strip()), 1);
            return new FrameRate(Long.parseLong(s.substring(0, slash).strip()),
                    Long.parseLong(s.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    public boolean isKnown() {
        return numerator > 0;
    }

    public double value() {
        return (double) numerator / denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
