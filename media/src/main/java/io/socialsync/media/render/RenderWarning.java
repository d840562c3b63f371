package io.socialsync.media.render;

/** Something about an output that is allowed but that a user may want to know before publishing it. */
public sealed interface RenderWarning {

    /** A short stable id for clients, e.g. {@code upscale}. */
    String type();

    String message();

    /**
     * The source's pixels were enlarged to fill the frame: the output looks softer than its size suggests.
     *
     * @param factor output pixels per source pixel along each side, after reframing and any preset zoom
     */
    record Upscale(double factor, int sourceWidth, int sourceHeight) implements RenderWarning {
        /** Below this it is rounding, not an enlargement anyone could see. */
        static final double NOTICEABLE = 1.01;

        @Override
        public String type() {
            return "upscale";
        }

        @Override
        public String message() {
            return "the " + sourceWidth + "x" + sourceHeight + " source is enlarged " + Fmt.num(Fmt.round(factor, 2))
                    + "x to fill the frame; it will look soft";
        }
    }
}
