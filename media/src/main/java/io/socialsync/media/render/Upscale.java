package io.socialsync.media.render;

import java.util.Optional;

/**
 * How far a source is enlarged to fill an output, and the output size a format's upscale cap allows. Reframing
 * depends only on the shape, so shrinking the output keeps the reframe and scales the factor with it.
 */
final class Upscale {
    private Upscale() {}

    /** @param width the output size the format asks for (already multiplied by the options' size scale) */
    record Sized(int width, int height, double factor) {
        Optional<RenderWarning> warning(int srcW, int srcH) {
            return factor > RenderWarning.Upscale.NOTICEABLE
                    ? Optional.of(new RenderWarning.Upscale(Fmt.round(factor, 2), srcW, srcH)) : Optional.empty();
        }
    }

    /**
     * @param srcW the picture after letterbox removal
     * @param minShortSide the format's floor, already scaled like {@code width} and {@code height}
     */
    static Sized size(Reframe reframe, double zoom, int srcW, int srcH, int width, int height, int minShortSide,
                      double maxUpscale) {
        double factor = factor(reframe, zoom, srcW, srcH, width, height);
        if (factor <= maxUpscale) return new Sized(width, height, factor);
        double scale = Math.max(maxUpscale / factor, (double) minShortSide / Math.min(width, height));
        if (scale >= 1) return new Sized(width, height, factor);
        int w = Fmt.even(width * scale), h = Fmt.even(height * scale);
        return new Sized(w, h, factor(reframe, zoom, srcW, srcH, w, h));
    }

    /** Output pixels per source pixel: the larger of the two axes when cropping, the fitted one when padding. */
    static double factor(Reframe reframe, double zoom, int srcW, int srcH, int width, int height) {
        double fx = (double) width / srcW, fy = (double) height / srcH;
        double f = switch (reframe) {
            case Reframe.Scale s -> Math.max(fx, fy);
            case Reframe.CropX c -> fy; // full height, width cropped to the output's shape
            case Reframe.CropY c -> fx;
            case Reframe.BlurPad p -> Math.min(fx, fy); // the sharp foreground is fitted inside
        };
        return f * zoom;
    }
}
