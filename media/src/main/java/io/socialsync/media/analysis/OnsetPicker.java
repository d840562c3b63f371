package io.socialsync.media.analysis;

/**
 * Counts onsets (note attacks, drum hits) as peaks of spectral flux: a frame whose flux is a local maximum and
 * clearly above the recent average. Streaming with one frame of look-ahead.
 */
final class OnsetPicker {
    /** Exponential average over about half a second of the ~21.5 audio frames per second (46 ms hop). */
    private static final double ALPHA = 0.1;
    /**
     * Flux of a steady tone wobbles up to ~1.6× its average from frame to frame; a drum hit jumps 3.5–4.5× (both
     * measured on synthetic audio). 2.5× separates them.
     */
    private static final double ABOVE_AVERAGE = 2.5;
    /** Flux peaks in near-silence are noise, not onsets. */
    private static final double MIN_LOUDNESS = -50;

    private final SecondBins onsets;
    private double average = Double.NaN;
    private double prevFlux = Double.NaN, curFlux = Double.NaN, curTime, curLoudness;

    OnsetPicker(SecondBins onsets) {
        this.onsets = onsets;
    }

    void accept(double time, double flux, double loudness) {
        if (!Double.isFinite(flux)) return;
        if (Double.isFinite(curFlux)) {
            boolean peak = curFlux > prevFlux && curFlux >= flux && curFlux > ABOVE_AVERAGE * average
                    && curLoudness > MIN_LOUDNESS;
            if (peak) onsets.add(curTime, 1);
        }
        average = Double.isNaN(average) ? flux : average + ALPHA * (flux - average);
        prevFlux = Double.isNaN(curFlux) ? flux : curFlux;
        curFlux = flux;
        curTime = time;
        curLoudness = loudness;
    }
}
