package io.socialsync.media.analysis;

/** A time range in seconds from the start of the video, {@code start <= end}. */
public record Interval(double start, double end) {
    public Interval {
        if (!(end >= start)) throw new IllegalArgumentException("end " + end + " < start " + start);
    }

    public double length() {
        return end - start;
    }

    public boolean overlaps(Interval o) {
        return start < o.end && o.start < end;
    }

    /** Seconds of this interval that fall inside [from, to). */
    public double overlap(double from, double to) {
        return Math.max(0, Math.min(end, to) - Math.max(start, from));
    }

    /** Distance between the two ranges, 0 if they touch or overlap. */
    public double gap(Interval o) {
        return Math.max(0, Math.max(o.start - end, start - o.end));
    }
}
