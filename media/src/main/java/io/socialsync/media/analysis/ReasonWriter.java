package io.socialsync.media.analysis;

import java.util.ArrayList;
import java.util.List;

/** One plain sentence on why a clip was picked, built from its sub-scores; no ML, so no made-up claims. */
final class ReasonWriter {
    private ReasonWriter() {}

    static String reason(SubScores s, int cutsInside, double length, boolean hasAudio, Boundary first,
                         Boundary last) {
        List<String> parts = new ArrayList<>();
        parts.add(energy(s.energy(), hasAudio) + " " + pace(cutsInside, length));
        if (s.hook() >= 65) parts.add("strong hook in the first 3 s");
        else if (s.hook() < 35) parts.add("slow start");
        if (s.visual() < 70) parts.add("some black, frozen or dark footage");
        if (first == Boundary.CUT && last == Boundary.CUT) parts.add("starts and ends on scene cuts");
        else if (first != Boundary.MID_PHRASE && last != Boundary.MID_PHRASE && s.continuity() >= 60) {
            parts.add("clean start and end");
        }
        String sentence = String.join("; ", parts);
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
    }

    private static String energy(double energy, boolean hasAudio) {
        String what = hasAudio ? "audio" : "visuals";
        if (energy >= 70) return "high-energy " + what;
        if (energy >= 45) return "steady " + what;
        return "calm " + what;
    }

    private static String pace(int cuts, double length) {
        double per10s = cuts * 10 / Math.max(1, length);
        if (per10s >= 3) return "with fast cuts";
        if (per10s >= 1) return "with regular cuts";
        return cuts == 0 ? "in one continuous shot" : "with few cuts";
    }
}
