package io.socialsync.media.analysis;

/**
 * Reads {@code blurdetect} (sampled at 2 fps) into per-second sharpness 0–1. blurdetect reports blur (about 5 for
 * a crisp frame at 160 px, 12 after a strong Gaussian blur) and NaN for flat frames, which have no edges to
 * judge: those count as not sharp, so a black frame never becomes a thumbnail.
 */
final class SharpnessCollector implements MetadataReader.Listener {
    private static final double CRISP_BLUR = 3, BLUR_SPAN = 12;

    final SecondBins sharpness = new SecondBins();
    private double time = Double.NaN;

    @Override
    public void frame(double ptsTime) {
        time = ptsTime;
    }

    @Override
    public void value(String key, double value) {
        if (!key.equals("lavfi.blur")) return;
        double sharp = Double.isFinite(value) ? Math.clamp(1 - (value - CRISP_BLUR) / BLUR_SPAN, 0, 1) : 0;
        sharpness.add(time, sharp);
    }
}
