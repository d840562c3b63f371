package io.socialsync.media.render;

import java.time.Duration;

/** Platform rules checked with messages a user can act on. */
final class PlatformLimits {
    private PlatformLimits() {}

    static void checkDuration(PlatformFormat f, Duration output, Preset preset) {
        if (output.compareTo(f.maxDuration()) > 0) {
            String speed = preset.speed() == 1 ? "" : " (after the " + Fmt.num(preset.speed()) + "x speed preset)";
            throw new RenderException.LimitExceeded("the clip lasts " + Fmt.seconds(output) + " s" + speed + " but "
                    + f.name() + " allows at most " + f.maxDuration().toSeconds() + " s; shorten the clip");
        }
    }

    static String checkSize(PlatformFormat f, long sizeBytes) {
        return sizeBytes > f.maxSizeBytes()
                ? "size " + sizeBytes + " bytes exceeds the " + f.name() + " limit of " + f.maxSizeBytes() + " bytes"
                : null;
    }
}
