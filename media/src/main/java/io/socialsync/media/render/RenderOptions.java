package io.socialsync.media.render;

import java.util.Objects;

/**
 * Encoder and reframing knobs; {@link #defaults()} is what production uses.
 *
 * @param sizeScale multiplies every output frame size (rounded to even). 1 in production; tests and previews
 *     use e.g. 0.25 so a 1080x1920 format renders at 270x480 and costs a sixteenth
 * @param x264Preset platforms re-encode uploads, so a fast preset plus a moderate CRF is the usual trade
 * @param analyse run the cheap letterbox and saliency pass before rendering; off means no bar removal and a
 *     centre crop unless a crop plan is supplied
 * @param subjectFitMargin see {@link CropPlanner#plan}
 * @param threads libx264 threads per encoder, 0 = FFmpeg's choice
 */
public record RenderOptions(double sizeScale, String x264Preset, int crf, int audioBitrateKbps,
                            double loudnessLufs, boolean analyse, ReframeMode reframe, double subjectFitMargin,
                            int threads) {

    public RenderOptions {
        if (!(sizeScale > 0 && sizeScale <= 1)) throw new IllegalArgumentException("sizeScale must be in (0, 1]");
        Objects.requireNonNull(x264Preset, "x264Preset");
        if (crf < 0 || crf > 51) throw new IllegalArgumentException("crf must be in [0, 51]");
        if (audioBitrateKbps < 32) throw new IllegalArgumentException("audioBitrateKbps must be >= 32");
        if (loudnessLufs < -70 || loudnessLufs > -5) throw new IllegalArgumentException("loudnessLufs in [-70, -5]");
        Objects.requireNonNull(reframe, "reframe");
        if (subjectFitMargin < 0 || subjectFitMargin > 1) throw new IllegalArgumentException("subjectFitMargin");
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0");
    }

    /**
     * x264 {@code superfast} at CRF 20: a quarter less encoding CPU than the earlier {@code veryfast} CRF 21 (encoding
     * is most of a render), whose outputs it matches at SSIM >= 0.98 for a fifth more bitrate, far under every
     * platform's cap (measured by bench/render-settings, docs/BENCHMARKS.md "Pipeline").
     */
    public static RenderOptions defaults() {
        return new RenderOptions(1, "superfast", 20, 128, -14, true, ReframeMode.AUTO, 0.35, 0);
    }

    public RenderOptions withSizeScale(double s) {
        return new RenderOptions(s, x264Preset, crf, audioBitrateKbps, loudnessLufs, analyse, reframe,
                subjectFitMargin, threads);
    }

    public RenderOptions withAnalyse(boolean a) {
        return new RenderOptions(sizeScale, x264Preset, crf, audioBitrateKbps, loudnessLufs, a, reframe,
                subjectFitMargin, threads);
    }

    public RenderOptions withReframe(ReframeMode m) {
        return new RenderOptions(sizeScale, x264Preset, crf, audioBitrateKbps, loudnessLufs, analyse, m,
                subjectFitMargin, threads);
    }
}
