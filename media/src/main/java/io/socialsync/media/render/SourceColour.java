package io.socialsync.media.render;

import io.socialsync.media.probe.VideoStream;
import java.util.Optional;

/**
 * Whether the source's pixels must be converted to become BT.709 limited-range YUV. Every output is tagged BT.709
 * anyway (frames by {@link VideoChain#BT709}, the stream by {@link EncoderArgs#video}); a conversion is a full
 * swscale pass over every frame, so it runs only when the pixels are something else, and then once, before the
 * split, instead of once per output.
 *
 * <p>What the source is: its {@code color_space} tag when it has one. Untagged sources are read as players read
 * them: HD (coded width at least 1280 or height above 576) as BT.709, smaller as BT.601, which is what SD video was
 * encoded with (mpv's guess, {@code mp_csp_guess_colorspace}, is exactly this rule). swscale itself assumes BT.601
 * for everything untagged, so converting untagged HD would shift its colours, not correct them. Coded size, not
 * displayed: a portrait phone clip is as HD as its landscape twin. The range is full when tagged {@code pc} or
 * when the decoder outputs a {@code yuvj} format, else limited.
 */
public final class SourceColour {
    private SourceColour() {}

    /**
     * Options to append to a {@code scale} filter that already resizes: reads the source as what it is and writes
     * BT.709 limited range; empty when the pixels already are (so swscale converts nothing).
     */
    public static String scaleOptions(VideoStream v) {
        if (isYuv(v.pixelFormat()) && matrix(v).equals("bt709") && !fullRange(v)) return "";
        String out = ":out_color_matrix=bt709:out_range=tv";
        // RGB, palette and gray sources: swscale's YUV output needs to be told the matrix and the range
        if (!isYuv(v.pixelFormat())) return out;
        return ":in_color_matrix=" + matrix(v) + ":in_range=" + (fullRange(v) ? "pc" : "tv") + out;
    }

    /**
     * @param toneMapped the graph already ran {@link RenderPlanBuilder#TONE_MAP}, whose output is BT.709
     * @return filters (without a trailing comma) that make the pixels BT.709 limited-range yuv420p, or empty when
     *     they already are
     */
    static Optional<String> conversion(VideoStream v, boolean toneMapped) {
        String options = toneMapped ? "" : scaleOptions(v);
        return options.isEmpty() ? Optional.empty() : Optional.of("scale=" + options.substring(1) + ",format=yuv420p");
    }

    /** The source's matrix, in swscale's names ({@code bt709}, {@code bt470}, {@code smpte170m}, …). */
    static String matrix(VideoStream v) {
        return switch (v.colorSpace()) {
            case "bt709" -> "bt709";
            case "bt470bg" -> "bt470";
            case "smpte170m" -> "smpte170m";
            case "bt2020nc", "bt2020c" -> "bt2020"; // an HDR source without tone-mapping: at least the matrix is right
            case "smpte240m" -> "smpte240m";
            case "fcc" -> "fcc";
            // untagged, or a matrix swscale cannot read (ycgco, ictcp): the size decides
            default -> isHd(v) ? "bt709" : "bt601";
        };
    }

    static boolean isHd(VideoStream v) {
        return v.storedWidth() >= 1280 || v.storedHeight() > 576;
    }

    static boolean fullRange(VideoStream v) {
        return v.colorRange().equals("pc") || v.pixelFormat().startsWith("yuvj");
    }

    private static boolean isYuv(String pixelFormat) {
        return pixelFormat.startsWith("yuv") || pixelFormat.startsWith("nv");
    }
}
