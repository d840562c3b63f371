package io.socialsync.media.probe;

import java.util.OptionalLong;

/**
 * The main video stream (attached cover pictures are never chosen).
 *
 * @param storedWidth width as encoded, before the display rotation
 * @param pixelAspect the stored pixels' shape, before the rotation: not square in anamorphic SD
 * @param rotation display rotation in degrees, normalised to 0, 90, 180 or 270 (FFmpeg's counter-clockwise sign);
 *     FFmpeg applies it on decode by default, so filters see {@link #width()} × {@link #height()}
 * @param avgFrameRate frames / duration, the real mean rate
 * @param baseFrameRate {@code r_frame_rate}, the timebase-derived "nominal" rate
 * @param colorTransfer FFmpeg's {@code color_transfer}, empty when untagged
 * @param colorSpace FFmpeg's {@code color_space} (the YUV matrix, e.g. {@code bt709}, {@code smpte170m}), empty when
 *     untagged
 * @param colorRange FFmpeg's {@code color_range}: {@code tv} (limited), {@code pc} (full), empty when untagged
 */
public record VideoStream(
        int index,
        String codec,
        String pixelFormat,
        int storedWidth,
        int storedHeight,
        PixelAspect pixelAspect,
        int rotation,
        FrameRate avgFrameRate,
        FrameRate baseFrameRate,
        String colorTransfer,
        String colorSpace,
        String colorRange,
        OptionalLong frameCount) {

    /** Relative gap between the two rates above which we call a stream variable-frame-rate. */
    static final double VFR_TOLERANCE = 0.02;

    /** Width in pixels, after rotation (stored pixels, which may not be square). */
    public int width() {
        return swapsAxes() ? storedHeight : storedWidth;
    }

    /** Height in pixels, after rotation. */
    public int height() {
        return swapsAxes() ? storedWidth : storedHeight;
    }

    /** The pixels' shape after rotation: turning a picture by 90° turns its pixels too. */
    public PixelAspect displayedPixelAspect() {
        return swapsAxes() ? pixelAspect.inverse() : pixelAspect;
    }

    public boolean swapsAxes() {
        return rotation == 90 || rotation == 270;
    }

    /** The rate to plan with: the average if known, else the nominal one. */
    public FrameRate frameRate() {
        return avgFrameRate.isKnown() ? avgFrameRate : baseFrameRate;
    }

    /**
     * Phones record VFR; their nominal and average rates differ noticeably. Such sources need PTS-based cutting and
     * a CFR output, or audio drifts.
     */
    public boolean variableFrameRate() {
        if (!avgFrameRate.isKnown() || !baseFrameRate.isKnown()) return false;
        double base = baseFrameRate.value();
        return Math.abs(base - avgFrameRate.value()) / base > VFR_TOLERANCE;
    }

    public HdrTransfer hdr() {
        return HdrTransfer.of(colorTransfer);
    }
}
