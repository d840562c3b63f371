package io.socialsync.media.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One clip of one source, in every requested format and variant.
 *
 * @param duration {@code null} renders to the end of the source
 * @param presets one variant per preset; each goes to every format
 * @param cropPlan empty to let the renderer estimate one; see {@link CropKeyframe} for the timeline
 * @param baseName output files are named {@code <baseName>-v<variant>-<w>x<h>.mp4}
 */
public record RenderRequest(Path source, Duration start, Duration duration, List<PlatformFormat> formats,
                            List<Preset> presets, List<CropKeyframe> cropPlan, Path outputDir, String baseName) {

    public RenderRequest {
        Objects.requireNonNull(source, "source");
        start = start == null ? Duration.ZERO : start;
        if (start.isNegative()) throw new IllegalArgumentException("start must be >= 0");
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive");
        }
        formats = List.copyOf(new LinkedHashSet<>(formats)); // asking twice for a format gives it once
        if (formats.isEmpty()) throw new IllegalArgumentException("no formats requested");
        presets = presets == null || presets.isEmpty() ? List.of(Preset.NONE) : List.copyOf(presets);
        cropPlan = cropPlan == null ? List.of() : List.copyOf(cropPlan);
        Objects.requireNonNull(outputDir, "outputDir");
        baseName = baseName == null || baseName.isBlank() ? "clip" : baseName;
        if (!baseName.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("baseName: letters, digits, ._-");
    }

    public static RenderRequest of(Path source, List<PlatformFormat> formats, Path outputDir) {
        return new RenderRequest(source, Duration.ZERO, null, formats, List.of(), List.of(), outputDir, "clip");
    }

    public RenderRequest withClip(Duration s, Duration d) {
        return new RenderRequest(source, s, d, formats, presets, cropPlan, outputDir, baseName);
    }

    public RenderRequest withPresets(List<Preset> p) {
        return new RenderRequest(source, start, duration, formats, p, cropPlan, outputDir, baseName);
    }

    public RenderRequest withCropPlan(List<CropKeyframe> plan) {
        return new RenderRequest(source, start, duration, formats, presets, plan, outputDir, baseName);
    }
}
