package io.socialsync.media.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One plain sentence on why a clip was picked, built from its sub-scores and counts, e.g. "High-energy audio
 * with a clear beat and fast cuts; strong hook in the first 3 s; starts and ends on scene cuts." No ML, so no
 * claims (chorus, laughter, faces) the signals cannot back.
 */
final class ReasonWriter {
    /** Onsets per second from which the audio has "a clear beat" (120 bpm gives 2). */
    private static final double BEAT_ONSETS = 1.5;

    private ReasonWriter() {}

    /** @param still the picture stands still (cover art over a song): the clip was chosen by its audio */
    static String reason(SubScores s, int cutsInside, double onsetsPerSecond, double length, boolean hasAudio,
                         Boundary first, Boundary last, boolean still) {
        List<String> with = new ArrayList<>();
        if (hasAudio && onsetsPerSecond >= BEAT_ONSETS) with.add("a clear beat");
        double cutsPer10s = cutsInside * 10 / Math.max(1, length);
        if (cutsPer10s >= 3) with.add("fast cuts");
        else if (cutsPer10s >= 1) with.add("regular cuts");
        else if (cutsInside > 0) with.add("few cuts");
        String lead = energy(s.energy(), hasAudio) + (with.isEmpty() ? "" : " with " + String.join(" and ", with))
                + (still && hasAudio ? " over a still picture" : cutsInside == 0 ? " in one continuous shot" : "");

        List<String> parts = new ArrayList<>(List.of(lead));
        if (s.hook() >= 65) parts.add("strong hook in the first 3 s");
        else if (s.hook() < 35) parts.add("slow start");
        if (s.visual() < 70) parts.add("some black, frozen or dark footage");
        if (first == Boundary.CUT && last == Boundary.CUT) parts.add("starts and ends on scene cuts");
        else if (first == Boundary.SECTION && last == Boundary.SECTION) {
            parts.add("starts and ends with the music's sections");
        }
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
}
