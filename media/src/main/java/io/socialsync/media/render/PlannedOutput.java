package io.socialsync.media.render;

import io.socialsync.media.probe.FrameRate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * One encoder of a {@link RenderPlan}: several formats share it when their output specs are identical.
 *
 * @param variant index of the preset in the request
 * @param duration the output's duration (the clip's, divided by the preset's speed)
 * @param warnings what the planning already knows a user should hear about, e.g. an upscale
 */
public record PlannedOutput(int variant, List<PlatformFormat> formats, Preset preset, int width, int height,
                            FrameRate fps, Reframe reframe, Duration duration, Path file,
                            List<RenderWarning> warnings) {

    public PlannedOutput {
        formats = List.copyOf(formats);
        warnings = List.copyOf(warnings);
    }

    public List<String> formatNames() {
        return formats.stream().map(PlatformFormat::name).toList();
    }

    /** The strictest size limit of the formats sharing this file. */
    public long maxSizeBytes() {
        return formats.stream().mapToLong(PlatformFormat::maxSizeBytes).min().orElseThrow();
    }

    /** The strictest duration limit of the formats sharing this file. */
    public PlatformFormat shortestLimit() {
        return formats.stream().min(Comparator.comparing(PlatformFormat::maxDuration)).orElseThrow();
    }
}
