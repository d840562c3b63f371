package io.socialsync.media.ffmpeg;

import java.nio.file.Path;
import java.util.Map;

/**
 * The two executables plus the environment they need (the bundled build needs {@code LD_LIBRARY_PATH}, see
 * {@link BundledFfmpeg}).
 */
public record FfmpegBinaries(FfmpegSource source, Path ffmpeg, Path ffprobe, Map<String, String> environment) {
    public FfmpegBinaries {
        environment = Map.copyOf(environment);
    }
}
