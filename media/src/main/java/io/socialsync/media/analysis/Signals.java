package io.socialsync.media.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Per-second signals of one video: entry {@code i} covers [i, i+1) s. All arrays have {@link #seconds()} entries
 * (2 h = 7,200), so they are small whatever the input; treat them as read-only.
 *
 * @param duration seconds
 * @param hasAudio false: loudness is {@link #SILENCE_LUFS}, flux and onsets are 0
 * @param motion mean absolute frame difference, 0–100 (FFmpeg {@code scdet} mafd)
 * @param loudness momentary loudness in LUFS, floored at {@link #SILENCE_LUFS}
 * @param flux mean spectral flux (change of the spectrum between audio frames)
 * @param onsets audio onsets (flux peaks) counted in the second
 * @param brightness mean luma, 0 (black) – 1 (white)
 * @param saturation mean chroma saturation, 0–1
 * @param sharpness 0–1, higher is sharper ({@code blurdetect} sampled at 2 fps)
 * @param cuts scene-cut times in seconds, ascending, flashes and strobes already removed
 * @param black intervals of at least {@value VideoCollector#MIN_BLACK_SECONDS} s of (almost) black picture
 * @param frozen intervals where the picture does not change (FFmpeg {@code freezedetect})
 */
public record Signals(double duration, boolean hasAudio, double[] motion, double[] loudness, double[] flux,
                      double[] onsets, double[] brightness, double[] saturation, double[] sharpness, double[] cuts,
                      List<Interval> black, List<Interval> frozen) {
    public static final double SILENCE_LUFS = -70;

    public Signals {
        int n = motion.length;
        for (double[] a : List.of(loudness, flux, onsets, brightness, saturation, sharpness)) {
            if (a.length != n) throw new IllegalArgumentException("per-second arrays differ in length");
        }
        black = List.copyOf(black);
        frozen = List.copyOf(frozen);
    }

    public int seconds() {
        return motion.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signals s && duration == s.duration && hasAudio == s.hasAudio
                && Arrays.equals(motion, s.motion) && Arrays.equals(loudness, s.loudness)
                && Arrays.equals(flux, s.flux) && Arrays.equals(onsets, s.onsets)
                && Arrays.equals(brightness, s.brightness) && Arrays.equals(saturation, s.saturation)
                && Arrays.equals(sharpness, s.sharpness) && Arrays.equals(cuts, s.cuts)
                && black.equals(s.black) && frozen.equals(s.frozen);
    }

    @Override
    public int hashCode() {
        return Objects.hash(duration, hasAudio, Arrays.hashCode(motion), Arrays.hashCode(loudness),
                Arrays.hashCode(cuts), black, frozen);
    }

    @Override
    public String toString() {
        return "Signals[duration=%.2f s, seconds=%d, audio=%b, cuts=%s, black=%s, frozen=%s]"
                .formatted(duration, seconds(), hasAudio, Arrays.toString(cuts), black, frozen);
    }
}
