package io.socialsync.media.analysis;

import java.util.Arrays;

/**
 * Moves a clip edge to the nearest scene cut within {@link #REACH} seconds, else to the nearest change of section
 * in a still picture's music, else to the nearest quiet second, else leaves it (labelled mid-phrase if the audio
 * is loud there). The video's own start and end count as cuts.
 */
final class Snapper {
    static final double REACH = 1.5;
    /** An edge this close to a cut is on it: about a frame, and more than clip times' millisecond rounding. */
    static final double ON_EDGE = 0.05;

    /** A snapped edge. */
    record Edge(double time, Boundary kind) {}

    private final double[] cuts;
    private final SecondScores scores;
    private final double duration;

    Snapper(double[] cuts, SecondScores scores, double duration) {
        double[] all = Arrays.copyOf(cuts, cuts.length + 2);
        all[cuts.length] = 0;
        all[cuts.length + 1] = duration;
        Arrays.sort(all);
        this.cuts = all;
        this.scores = scores;
        this.duration = duration;
    }

    Edge snap(double t) {
        double cut = nearestCut(t);
        if (Math.abs(cut - t) <= REACH) return new Edge(cut, Boundary.CUT);
        double section = nearestSection(t);
        if (Math.abs(section - t) <= REACH) return new Edge(section, Boundary.SECTION);
        double quiet = nearestQuiet(t);
        if (Math.abs(quiet - t) <= REACH) return new Edge(quiet, Boundary.QUIET);
        int second = (int) Math.clamp(Math.floor(t), 0, scores.loud().length - 1);
        boolean loud = scores.loud().length > 0 && scores.loud()[second];
        return new Edge(Math.clamp(t, 0, duration), loud ? Boundary.MID_PHRASE : Boundary.NONE);
    }

    /**
     * What an edge a person placed falls on, without moving it: a cut or section within a frame or so, else the
     * quiet second it is in. Edges {@link #snap} returned get the kind they were given (bar a cut within a frame).
     */
    Boundary kindAt(double t) {
        if (Math.abs(nearestCut(t) - t) <= ON_EDGE) return Boundary.CUT;
        double section = nearestSection(t);
        if (Math.abs(section - t) <= ON_EDGE) return Boundary.SECTION;
        int second = (int) Math.clamp(Math.floor(t), 0, Math.max(0, scores.quiet().length - 1));
        if (scores.quiet().length > 0 && scores.quiet()[second]) return Boundary.QUIET;
        boolean loud = scores.loud().length > 0 && scores.loud()[second];
        return loud ? Boundary.MID_PHRASE : Boundary.NONE;
    }

    private double nearestCut(double t) {
        int i = Arrays.binarySearch(cuts, t);
        if (i >= 0) return cuts[i];
        int after = -i - 1;
        if (after == 0) return cuts[0];
        if (after == cuts.length) return cuts[cuts.length - 1];
        // ties go to the earlier cut: deterministic and keeps the cut frame inside a clip that starts there
        return t - cuts[after - 1] <= cuts[after] - t ? cuts[after - 1] : cuts[after];
    }

    /** The start of the nearest second where a still picture's music changes section, or NaN. */
    private double nearestSection(double t) {
        boolean[] section = scores.section();
        double best = Double.NaN;
        int from = (int) Math.max(0, Math.floor(t - REACH)), to = (int) Math.min(section.length - 1, t + REACH);
        for (int i = from; i <= to; i++) {
            if (section[i] && (Double.isNaN(best) || Math.abs(i - t) < Math.abs(best - t))) best = i;
        }
        return best;
    }

    /** The middle of the nearest quiet second, or NaN if none is within reach. */
    private double nearestQuiet(double t) {
        boolean[] quiet = scores.quiet();
        double best = Double.NaN;
        int from = (int) Math.max(0, Math.floor(t - REACH - 1)), to = (int) Math.min(quiet.length - 1, t + REACH);
        for (int i = from; i <= to; i++) {
            double mid = Math.min(duration, i + 0.5);
            if (quiet[i] && (Double.isNaN(best) || Math.abs(mid - t) < Math.abs(best - t))) best = mid;
        }
        return best;
    }
}
