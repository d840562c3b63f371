package io.socialsync.media.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An {@code ffmpeg}/{@code ffprobe} pair that answers {@code -version}, {@code -filters} and {@code -encoders} with
 * what a real build printed (captured under {@code src/test/resources/ffmpeg/<build>/}), so the locator's choice can
 * be tested without that build installed.
 */
final class FakeFfmpeg {
    static final String DEBIAN_12 = "debian-5.1";
    static final String BUNDLED = "bundled-6.1";
    private static final List<String> FILES = List.of("version.txt", "ffprobe-version.txt", "filters.txt",
            "encoders.txt");

    private FakeFfmpeg() {}

    /** Writes {@code dir/ffmpeg} and {@code dir/ffprobe} imitating {@code build}; returns {@code dir}. */
    static Path install(Path dir, String build) {
        try {
            Files.createDirectories(dir);
            for (String f : FILES) {
                try (InputStream in = FakeFfmpeg.class.getResourceAsStream("/ffmpeg/" + build + "/" + f)) {
                    if (in == null) throw new IllegalArgumentException("no captured output " + build + "/" + f);
                    Files.write(dir.resolve(f), in.readAllBytes());
                }
            }
            script(dir.resolve("ffmpeg"), """
                    case " $* " in
                      *" -version "*) exec cat "$D/version.txt" ;;
                      *" -filters "*) exec cat "$D/filters.txt" ;;
                      *" -encoders "*) exec cat "$D/encoders.txt" ;;
                    esac
                    echo "fake ffmpeg: $*" >&2
                    exit 1
                    """, dir);
            script(dir.resolve("ffprobe"), """
                    case " $* " in
                      *" -version "*) exec cat "$D/ffprobe-version.txt" ;;
                    esac
                    exit 1
                    """, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites one captured file, e.g. to turn the version into a git build's or drop a filter. */
    static void edit(Path dir, String file, UnaryOperator<String> change) throws IOException {
        Path p = dir.resolve(file);
        Files.writeString(p, change.apply(Files.readString(p)));
    }

    private static void script(Path exe, String body, Path dir) throws IOException {
        Files.writeString(exe, "#!/bin/sh\nD='" + dir.toAbsolutePath() + "'\n" + body);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
