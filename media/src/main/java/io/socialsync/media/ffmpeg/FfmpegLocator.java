package io.socialsync.media.ffmpeg;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds FFmpeg: environment variables, then PATH, then the copy bundled in the {@code org.bytedeco} jar. */
public final class FfmpegLocator {
    public static final String ENV_FFMPEG = "SOCIALSYNC_FFMPEG";
    public static final String ENV_FFPROBE = "SOCIALSYNC_FFPROBE";

    private FfmpegLocator() {}

    public static FfmpegBinaries locate(Path dataDir) {
        return locate(System.getenv(), dataDir);
    }

    static FfmpegBinaries locate(Map<String, String> env, Path dataDir) {
        Optional<Path> ffmpeg = nonBlank(env.get(ENV_FFMPEG)).map(Path::of);
        Optional<Path> ffprobe = nonBlank(env.get(ENV_FFPROBE)).map(Path::of);
        if (ffmpeg.isPresent() || ffprobe.isPresent()) return fromEnv(ffmpeg, ffprobe);
        return fromPath(env.get("PATH")).orElseGet(() -> BundledFfmpeg.extract(dataDir));
    }

    /** A configured binary that is missing is an error, not a reason to silently use another one. */
    private static FfmpegBinaries fromEnv(Optional<Path> ffmpeg, Optional<Path> ffprobe) {
        Path mpeg = ffmpeg.orElseGet(() -> sibling(ffprobe.orElseThrow(), "ffmpeg"));
        Path probe = ffprobe.orElseGet(() -> sibling(mpeg, "ffprobe"));
        requireExecutable(mpeg, ENV_FFMPEG);
        requireExecutable(probe, ENV_FFPROBE);
        return new FfmpegBinaries(FfmpegSource.ENV, mpeg.toAbsolutePath(), probe.toAbsolutePath(), Map.of());
    }

    /** Both must be on PATH: mixing a system ffmpeg with the bundled ffprobe would hide version skew. */
    static Optional<FfmpegBinaries> fromPath(String path) {
        Optional<Path> ffmpeg = which("ffmpeg", path);
        Optional<Path> ffprobe = which("ffprobe", path);
        if (ffmpeg.isEmpty() || ffprobe.isEmpty()) return Optional.empty();
        return Optional.of(new FfmpegBinaries(FfmpegSource.PATH, ffmpeg.get(), ffprobe.get(), Map.of()));
    }

    static Optional<Path> which(String name, String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, name);
            if (isExecutable(candidate)) return Optional.of(candidate.toAbsolutePath());
        }
        return Optional.empty();
    }

    private static Path sibling(Path exe, String name) {
        Path dir = exe.toAbsolutePath().getParent();
        return dir == null ? Path.of(name) : dir.resolve(name);
    }

    private static void requireExecutable(Path exe, String envVar) {
        if (!isExecutable(exe)) {
            throw new FfmpegException.NotAvailable(exe + " is not an executable file (from " + envVar
                    + " or next to the other binary); fix or unset " + envVar);
        }
    }

    private static boolean isExecutable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
