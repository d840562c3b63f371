package io.socialsync.media.probe;

/**
 * The shape of one stored pixel, ffprobe's {@code sample_aspect_ratio}: PAL widescreen SD stores 720x576 pixels
 * that are shown 64:45 wide (a 1024x576 picture), NTSC 4:3 720x480 ones 8:9 wide. Everything modern is 1:1.
 */
public record PixelAspect(int num, int den) {
    public static final PixelAspect SQUARE = new PixelAspect(1, 1);

    public PixelAspect {
        if (num < 1 || den < 1) throw new IllegalArgumentException("pixel aspect must be positive: " + num + ":" + den);
    }

    /** {@code 64:45}; absent, {@code 0:1} or {@code N/A} mean "not said", which players show as square. */
    static PixelAspect parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":");
        try {
            return parts.length == 2 ? new PixelAspect(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])) : SQUARE;
        } catch (IllegalArgumentException e) {
            return SQUARE;
        }
    }

    public boolean square() {
        return (long) num == den;
    }

    /** Width over height of one pixel. */
    public double value() {
        return (double) num / den;
    }

    PixelAspect inverse() {
        return new PixelAspect(den, num);
    }
}
