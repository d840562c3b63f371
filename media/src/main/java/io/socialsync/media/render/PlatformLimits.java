package io.socialsync.media.render;

import java.time.Duration;

/** Platform rules checked with messages a user can act on. */
public final class PlatformLimits {
    private PlatformLimits() {}

    /**
     * Whether a clip of {@code clip} length, played at the preset's speed, fits the format: checked when a clip's
     * variants are requested, so a clip too short for Reels is refused at once rather than at publish time. The
     * renderer itself only enforces the maximum: rendering a short file on purpose (a test, a sting) stays possible.
     *
     * @throws RenderException.LimitExceeded saying what to change
     */
    public static void checkClip(PlatformFormat f, Duration clip, Preset preset) {
        Duration output = Duration.ofNanos(Math.round(clip.toNanos() / preset.speed()));
        if (output.compareTo(f.minDuration()) < 0) {
            throw new RenderException.LimitExceeded("the clip lasts " + Fmt.seconds(output) + " s" + speed(preset)
                    + " but " + f.name() + " needs at least " + Fmt.seconds(f.minDuration()) + " s; lengthen the clip");
        }
        checkDuration(f, output, preset);
    }

    static void checkDuration(PlatformFormat f, Duration output, Preset preset) {
        if (output.compareTo(f.maxDuration()) > 0) {
            throw new RenderException.LimitExceeded("the clip lasts " + Fmt.seconds(output) + " s" + speed(preset) + " but "
                    + f.name() + " allows at most " + f.maxDuration().toSeconds() + " s; shorten the clip");
        }
    }

    private static String speed(Preset preset) {
        return preset.speed() == 1 ? "" : " (after the " + Fmt.num(preset.speed()) + "x speed preset)";
    }

    static String checkSize(PlatformFormat f, long sizeBytes) {
        return sizeBytes > f.maxSizeBytes()
                ? "size " + sizeBytes + " bytes exceeds the " + f.name() + " limit of " + f.maxSizeBytes() + " bytes"
                : null;
    }
}
