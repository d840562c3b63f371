package io.socialsync.media.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One rendered file. Several formats share it when their specs are identical (Reels, TikTok and Shorts are all
 * 1080x1920); {@code preset} and {@code seed} reproduce it exactly.
 *
 * @param warnings allowed but worth knowing before publishing, e.g. {@link RenderWarning.Upscale}
 */
public record RenderedVariant(List<String> formats, Preset preset, long seed, Path path, int width, int height,
                              Duration duration, long sizeBytes, List<RenderWarning> warnings) {
    public RenderedVariant {
        formats = List.copyOf(formats);
        warnings = List.copyOf(warnings);
    }
}
