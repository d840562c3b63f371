package io.socialsync.media.ffmpeg;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds FFmpeg: environment variables, then PATH, then the copy bundled in the {@code org.bytedeco} jar. Both
 * chosen-by-us and chosen-by-the-operator binaries must meet {@link FfmpegRequirement}; they differ in what
 * happens when they do not:
 *
 * <ul>
 *   <li>PATH: whatever the machine happens to have (Debian 12 ships 5.1) is passed over for the bundled build,
 *       with one log line saying why. Falling back is safe: the bundled build is known to meet the requirement.
 *   <li>{@code SOCIALSYNC_FFMPEG}: an error, as for a missing file. The operator asked for that binary; quietly
 *       using another would hide their mistake, and running it would fail jobs later with FFmpeg's own
 *       "Option not found" or "No such filter".
 * </ul>
 */
public final class FfmpegLocator {
    public static final String ENV_FFMPEG = "SOCIALSYNC_FFMPEG";
    public static final String ENV_FFPROBE = "SOCIALSYNC_FFPROBE";
    private static final Logger log = LoggerFactory.getLogger(FfmpegLocator.class);

    private FfmpegLocator() {}

    public static Ffmpeg locate(Path dataDir) {
        return locate(System.getenv(), dataDir);
    }

    static Ffmpeg locate(Map<String, String> env, Path dataDir) {
        Optional<Path> ffmpeg = nonBlank(env.get(ENV_FFMPEG)).map(Path::of);
        Optional<Path> ffprobe = nonBlank(env.get(ENV_FFPROBE)).map(Path::of);
        if (ffmpeg.isPresent() || ffprobe.isPresent()) return checkedEnv(fromEnv(ffmpeg, ffprobe));
        Optional<FfmpegBinaries> onPath = fromPath(env.get("PATH"));
        if (onPath.isEmpty()) return new Ffmpeg(BundledFfmpeg.extract(dataDir));
        Ffmpeg candidate = new Ffmpeg(onPath.get());
        List<String> shortfalls = shortfalls(candidate);
        if (shortfalls.isEmpty()) return candidate;
        String why = onPath.get().ffmpeg() + " on PATH: " + String.join("; ", shortfalls);
        FfmpegBinaries bundled;
        try {
            bundled = BundledFfmpeg.extract(dataDir);
        } catch (FfmpegException.NotAvailable e) {
            throw new FfmpegException.NotAvailable(why + ", and " + e.getMessage(), e);
        }
        log.warn("passing over {}; using the bundled FFmpeg (install FFmpeg {} or newer, or set {})", why,
                FfmpegRequirement.MINIMUM, ENV_FFMPEG);
        return new Ffmpeg(bundled, Optional.of(why));
    }

    private static Ffmpeg checkedEnv(FfmpegBinaries binaries) {
        Ffmpeg ffmpeg = new Ffmpeg(binaries);
        List<String> shortfalls = shortfalls(ffmpeg);
        if (!shortfalls.isEmpty()) {
            throw new FfmpegException.NotAvailable(ENV_FFMPEG + "=" + binaries.ffmpeg() + ": "
                    + String.join("; ", shortfalls) + "; point it at FFmpeg " + FfmpegRequirement.MINIMUM
                    + " or newer, or unset it to use the bundled build");
        }
        return ffmpeg;
    }

    /** A binary that does not run (wrong architecture, missing libraries) falls short like an old one. */
    private static List<String> shortfalls(Ffmpeg candidate) {
        try {
            return FfmpegRequirement.shortfalls(candidate.inspect());
        } catch (FfmpegException e) {
            return List.of("does not run: " + e.getMessage());
        }
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
