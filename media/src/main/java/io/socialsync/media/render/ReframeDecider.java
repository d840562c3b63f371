package io.socialsync.media.render;

import java.util.List;
import java.util.Optional;

/** Picks a {@link Reframe} for one target shape. Pure: the saliency pass has already run. */
public final class ReframeDecider {
    /** Aspect ratios closer than this are "the same" (1080x1920 vs 1080x1918 must not crop 1 px). */
    static final double SAME_ASPECT = 0.01;
    /** A crop keeping at least this share of the frame is always fine: padding for 10 % looks broken. */
    static final double MILD = 0.85;

    private ReframeDecider() {}

    /**
     * @param width the picture after letterbox removal
     * @param plan a caller-supplied crop plan; when non-empty it wins over the saliency estimate
     * @param saliency empty when the analysis pass was skipped
     */
    public static Reframe decide(int width, int height, int targetWidth, int targetHeight, List<CropKeyframe> plan,
                                 Optional<SaliencyTrack> saliency, RenderOptions options) {
        double ratio = ((double) width / height) / ((double) targetWidth / targetHeight);
        if (Math.abs(ratio - 1) < SAME_ASPECT) return new Reframe.Scale();
        if (options.reframe() == ReframeMode.PAD) return new Reframe.BlurPad();
        if (ratio < 1) return ratio >= MILD ? new Reframe.CropY() : new Reframe.BlurPad();
        if (!plan.isEmpty()) return new Reframe.CropX(plan);
        double windowShare = 1 / ratio;
        if (saliency.isEmpty()) return Reframe.CropX.centre();
        CropPlanner.Result r = CropPlanner.plan(saliency.get(), windowShare, options.subjectFitMargin());
        if (r.fits() || windowShare >= MILD || options.reframe() == ReframeMode.CROP) return new Reframe.CropX(r.path());
        return new Reframe.BlurPad();
    }
}
