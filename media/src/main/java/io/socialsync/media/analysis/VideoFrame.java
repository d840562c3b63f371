package io.socialsync.media.analysis;

/**
 * What the analysis keeps of one decoded frame (8-bit): the frame difference to the previous one (at 160 px)
 * and a colour signature (at 64 px) used to tell a cut from a flash.
 *
 * @param mafd mean absolute frame difference, 0–100
 * @param y mean luma, 0–255 (likewise {@code u}, {@code v} chroma, {@code yLow}/{@code yHigh} the 10th/90th luma
 *     percentiles and {@code sat} the mean saturation)
 */
record VideoFrame(double time, double mafd, double y, double u, double v, double yLow, double yHigh, double sat) {

    /**
     * Mean absolute difference of the colour signatures, in 8-bit levels: about 0–3 between frames of one shot,
     * 100+ between black and white. Global statistics ignore where things are, which is what we want when asking
     * "is this the same picture again after a flash?".
     */
    double distance(VideoFrame o) {
        return (Math.abs(y - o.y) + Math.abs(u - o.u) + Math.abs(v - o.v) + Math.abs(yLow - o.yLow)
                + Math.abs(yHigh - o.yHigh) + Math.abs(sat - o.sat)) / 6;
    }
}
