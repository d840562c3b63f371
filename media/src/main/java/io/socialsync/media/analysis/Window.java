package io.socialsync.media.analysis;

/** A scored candidate window before selection. */
record Window(double start, double end, double score, SubScores subScores, Boundary first, Boundary last) {
    double length() {
        return end - start;
    }

    Interval interval() {
        return new Interval(start, end);
    }
}
