package io.socialsync.media.analysis;

import java.util.List;

/**
 * Per-second ingredients of a clip score, each 0–1, derived from {@link Signals} (the weights are a first
 * deterministic guess after the research notes: audio energy leads for music, motion and cut pace fill in when
 * there is no sound).
 *
 * @param energy loudness and onset density relative to the video (motion and pace for silent videos)
 * @param motion frame-difference motion and cut pace
 * @param quality 1 = clean picture; black, frozen and very dark seconds pull it to 0
 * @param quiet seconds that make good boundaries: clearly quieter (or stiller) than most of the video
 * @param loud seconds louder than the median: ending a clip here without a cut cuts someone off
 * @param section a still picture's music changes section at the start of this second (the loudness steps up or
 *     down): where a clip of cover art over a song should start or end, as it has no cuts
 */
record SecondScores(double[] energy, double[] motion, double[] quality, boolean[] quiet, boolean[] loud,
                    boolean[] section) {
    /** Below this a second is silent (digital silence reads {@link Signals#SILENCE_LUFS}). */
    static final double SILENT_LUFS = -50;
    /** A step this large (LU, 2 s against the 2 s before) is a new section of the music. */
    private static final double SECTION_STEP = 6;
    /** Minimum spreads for {@link Normalise#scaled}: differences smaller than these are not "more energy". */
    private static final double LOUDNESS_SPREAD = 6, MOTION_SPREAD = 3, FLUX_DECADES = 0.5, ONSET_SPREAD = 1;
    /** Cuts within ±2.5 s that make the pace "fast": 3 cuts in 5 s. */
    private static final double FAST_PACE_CUTS = 3;

    static SecondScores of(Signals s) {
        int n = s.seconds();
        double[] motionN = Normalise.scaled(s.motion(), MOTION_SPREAD);
        double[] loudN = Normalise.scaled(s.loudness(), LOUDNESS_SPREAD);
        double[] fluxN = Normalise.scaled(Normalise.log10(s.flux(), 1e-7), FLUX_DECADES);
        double[] onsetN = Normalise.scaled(s.onsets(), ONSET_SPREAD);
        double[] energy = new double[n], motion = new double[n], quality = new double[n];
        for (int i = 0; i < n; i++) {
            double pace = Math.min(1, cutsNear(s.cuts(), i) / FAST_PACE_CUTS);
            // a still picture over music ("official audio", cover art): the music's activity stands in for motion
            motion[i] = stillWithSound(s, i) ? 0.5 * onsetN[i] + 0.5 * fluxN[i] : 0.7 * motionN[i] + 0.3 * pace;
            double loudAbs = Math.clamp((s.loudness()[i] + 50) / 40, 0, 1); // -50 LUFS → 0, -10 LUFS → 1
            energy[i] = s.hasAudio()
                    ? 0.5 * loudN[i] + 0.2 * loudAbs + 0.15 * fluxN[i] + 0.15 * onsetN[i]
                    : 0.6 * motionN[i] + 0.4 * pace;
            quality[i] = quality(s, i);
        }
        double[] boundary = s.hasAudio() ? s.loudness() : s.motion();
        return new SecondScores(energy, motion, quality, quiet(boundary, s.hasAudio()), loud(s), sections(s));
    }

    static boolean audible(Signals s, int i) {
        return s.hasAudio() && s.loudness()[i] > SILENT_LUFS;
    }

    private static boolean stillWithSound(Signals s, int i) {
        return audible(s, i) && cover(s.frozen(), i) >= 0.5;
    }

    /** Frozen picture costs quality only when the second is silent too: under music a still is normal footage. */
    private static double quality(Signals s, int i) {
        double black = cover(s.black(), i), frozen = audible(s, i) ? 0 : cover(s.frozen(), i);
        double dark = Math.clamp((0.15 - s.brightness()[i]) / 0.1, 0, 1);
        double colour = 0.85 + 0.15 * Math.min(1, s.saturation()[i] / 0.25);
        return Math.clamp((1 - black - 0.6 * frozen - 0.5 * dark) * colour, 0, 1);
    }

    private static double cover(List<Interval> intervals, int second) {
        double c = 0;
        for (Interval iv : intervals) c += iv.overlap(second, second + 1);
        return Math.min(1, c);
    }

    private static int cutsNear(double[] cuts, int second) {
        int c = 0;
        for (double t : cuts) if (t >= second - 2 && t < second + 3) c++;
        return c;
    }

    /**
     * Good boundary seconds: part of a clearly quieter stretch (lower 30 % and well below the loud parts), or a
     * dip well below its ±3 s surroundings (a pause between phrases). A steady signal has none, so boundaries there
     * are judged by cuts alone. Loudness margins are in LU; motion (silent videos) uses ratios.
     */
    private static boolean[] quiet(double[] x, boolean decibels) {
        double low = Normalise.percentile(x, 0.3), loud = Normalise.percentile(x, 0.9);
        boolean[] out = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            double localMax = x[i], localMin = x[i];
            for (int j = Math.max(0, i - 3); j <= Math.min(x.length - 1, i + 3); j++) {
                localMax = Math.max(localMax, x[j]);
                if (Math.abs(j - i) <= 1) localMin = Math.min(localMin, x[j]);
            }
            boolean stretch = x[i] <= low && clearlyBelow(x[i], loud, decibels, 10, 0.5);
            boolean dip = x[i] == localMin && clearlyBelow(x[i], localMax, decibels, 6, 0.6);
            out[i] = stretch || dip;
        }
        return out;
    }

    private static boolean clearlyBelow(double x, double reference, boolean decibels, double lu, double ratio) {
        return decibels ? x <= reference - lu : x <= ratio * reference;
    }

    /**
     * Where a still picture's music steps up or down (an intro ending, a chorus coming in): the loudness of
     * seconds [i, i+2) against [i-2, i), at the largest step nearby. Moving pictures have cuts for this.
     */
    private static boolean[] sections(Signals s) {
        int n = s.seconds();
        boolean[] out = new boolean[n];
        double[] step = new double[n];
        for (int i = 2; i + 1 < n; i++) {
            boolean still = cover(s.frozen(), i - 1) >= 0.5 && cover(s.frozen(), i) >= 0.5;
            if (!s.hasAudio() || !still) continue;
            double[] l = s.loudness();
            step[i] = Math.abs((l[i] + l[i + 1]) / 2 - (l[i - 2] + l[i - 1]) / 2);
        }
        for (int i = 0; i < n; i++) {
            boolean peak = step[i] >= SECTION_STEP && (i == 0 || step[i] >= step[i - 1])
                    && (i + 1 >= n || step[i] > step[i + 1]);
            out[i] = peak;
        }
        return out;
    }

    private static boolean[] loud(Signals s) {
        boolean[] out = new boolean[s.seconds()];
        if (!s.hasAudio()) return out;
        double median = Normalise.percentile(s.loudness(), 0.5);
        for (int i = 0; i < out.length; i++) out[i] = s.loudness()[i] > median && s.loudness()[i] > -40;
        return out;
    }
}
