package io.socialsync.media.edit;

import io.socialsync.media.probe.MediaInfo;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param info the probed output
 * @param sourceStart where in the (first) input the output begins: the requested start, or for a keyframe copy
 *     the keyframe it snapped to
 */
public record EditResult(Path output, MediaInfo info, Duration sourceStart) {
    public Duration duration() {
        return info.duration();
    }
}
