package io.socialsync.media.ffmpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The FFmpeg this code needs, in one place. What sets the minimum:
 *
 * <ul>
 *   <li>6.0: the {@code -display_rotation} input option, with which the tests make rotated phone video. Turning
 *       such video upright is proven only by those tests, so a release they cannot run on is one we do not know
 *       to work; Debian 12's 5.1 stops at "Option not found".</li>
 *   <li>5.1 (Debian 12) has every filter and option the service itself uses; the youngest of them are
 *       {@code blurdetect} (thumbnail sharpness) and {@code -fps_mode} (constant-rate outputs).</li>
 * </ul>
 *
 * <p>CI runs on the bundled 6.1. {@code zscale}, {@code tonemap} and {@code drawtext} are optional: features that
 * use them check {@link FfmpegInfo#has} and degrade (the bundled build has neither {@code drawtext} nor
 * {@code zscale}).
 */
public final class FfmpegRequirement {
    public static final FfmpegVersion.Release MINIMUM = new FfmpegVersion.Release(6, 0, 0);

    /** Every filter a graph we build may use: analysis, render, edit, thumbnails. */
    static final Set<String> FILTERS = new TreeSet<>(List.of(
            // video
            "blackdetect", "blurdetect", "boxblur", "concat", "crop", "cropdetect", "eq", "format", "fps",
            "freezedetect", "hflip", "hue", "metadata", "nullsink", "overlay", "pad", "scale", "scdet", "select",
            "setparams", "setpts", "setsar", "signalstats", "split", "tile", "tpad", "trim",
            // audio
            "aformat", "afade", "ametadata", "anull", "anullsrc", "apad", "aresample", "asetpts",
            "aspectralstats", "asplit", "atempo", "atrim", "ebur128", "loudnorm"));
    /** H.264/AAC outputs and JPEG thumbnails. */
    static final Set<String> ENCODERS = new TreeSet<>(List.of("aac", "libx264", "mjpeg"));

    private FfmpegRequirement() {}

    /** Why {@code info} falls short, one phrase per reason; empty when it is good enough. */
    public static List<String> shortfalls(FfmpegInfo info) {
        List<String> out = new ArrayList<>();
        Optional<String> ffmpeg = tooOld(info.version());
        Optional<String> ffprobe = tooOld(info.ffprobeVersion());
        if (ffmpeg.equals(ffprobe)) {
            ffmpeg.ifPresent(why -> out.add("ffmpeg and ffprobe: " + why));
        } else {
            ffmpeg.ifPresent(why -> out.add("ffmpeg: " + why));
            ffprobe.ifPresent(why -> out.add("ffprobe: " + why));
        }
        Set<String> filters = new TreeSet<>(FILTERS);
        filters.removeAll(info.filters());
        if (!filters.isEmpty()) out.add("no filter " + String.join(", ", filters));
        Set<String> encoders = new TreeSet<>(ENCODERS);
        encoders.removeAll(info.encoders());
        if (!encoders.isEmpty()) out.add("no encoder " + String.join(", ", encoders));
        return out;
    }

    /** A git build names no release: it is taken as new enough, and the filter check still applies. */
    static Optional<String> tooOld(String banner) {
        return switch (FfmpegVersion.parse(banner).orElse(null)) {
            case null -> Optional.of("no version we can read in \"" + banner + "\"");
            case FfmpegVersion.Git g -> Optional.empty();
            case FfmpegVersion.Release r when r.atLeast(MINIMUM) -> Optional.empty();
            case FfmpegVersion.Release r -> Optional.of("version " + r + ", older than the minimum " + MINIMUM);
        };
    }
}
