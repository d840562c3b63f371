package io.socialsync.media.render;

import java.util.List;

/**
 * Where the action is, over time: for each sampled frame, how much edge and motion energy each column holds.
 * Computed on tiny gray frames of the letterbox-free picture, so it is cheap and only as precise as a crop needs.
 */
public record SaliencyTrack(List<Sample> samples) {
    public SaliencyTrack {
        samples = List.copyOf(samples);
    }

    /**
     * @param timeSeconds on the source timeline
     * @param columns energy per column, left to right, summing to 1 (all zero for a flat frame)
     * @param cut the picture changed completely since the previous sample: a new shot starts here
     */
    public record Sample(double timeSeconds, double[] columns, boolean cut) {}

    public boolean isEmpty() {
        return samples.isEmpty();
    }
}
