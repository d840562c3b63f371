package io.socialsync.bench;

import io.socialsync.media.ffmpeg.FfmpegBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs FFmpeg the way a person would from a shell: no progress pipe, no watchdog, output discarded. The
 * baselines must not pay for SocialSync's machinery, or the ratios would flatter it.
 */
final class BareFfmpeg {
    private final FfmpegBinaries binaries;

    BareFfmpeg(FfmpegBinaries binaries) {
        this.binaries = binaries;
    }

    /** @return wall seconds */
    double time(List<String> args) {
        long t0 = System.nanoTime();
        run(args);
        return (System.nanoTime() - t0) / 1e9;
    }

    void run(List<String> args) {
        var argv = new ArrayList<String>();
        argv.add(binaries.ffmpeg().toString());
        argv.addAll(List.of("-hide_banner", "-nostdin", "-nostats", "-loglevel", "error"));
        argv.addAll(args);
        try {
            Path err = Files.createTempFile("bench-ffmpeg", ".log");
            var pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(err.toFile());
            pb.environment().putAll(binaries.environment());
            int exit = pb.start().waitFor();
            String log = Files.readString(err);
            Files.delete(err);
            if (exit != 0) throw new IllegalStateException("ffmpeg exited with " + exit + ": " + log.strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The command as one shell line, for the report. */
    String shell(List<String> args) {
        var parts = new ArrayList<String>(List.of("ffmpeg"));
        for (String a : args) parts.add(a.matches("[A-Za-z0-9_./:=+,@-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        return String.join(" ", parts);
    }
}
